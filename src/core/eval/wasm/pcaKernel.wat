;; PCA kernels over the data matrix with 128-bit SIMD: column sums and centring (float64), the Gram product
;; Xc^T (Xc Q) for a block of 8 directions (float32 lanes, float64 accumulation across row blocks) and the final
;; projection onto two directions (float64). Compiled to WebAssembly by the build (scripts/build.mjs, wabt); driven
;; by ../projection/centredWasm.ts.
;;
;; Layout (byte addresses in this module's memory; all 16-byte aligned):
;;   x      n rows of dp floats, row-major; dp is a multiple of 4 and the padding columns are zero; rows beyond the
;;          real ones (up to a multiple of 4) are zero too and stay zero, so every kernel may run over whole groups
;;   mean   dp float64
;;   q      dp rows of 8 floats (direction t of dimension j at float index j*8 + t)
;;   z32    dp rows of 8 floats, the current row block's partial sums (zero on entry; left zero)
;;   z64    dp rows of 8 float64, the result (the caller zeroes it)
;;   v      per group of 4 dimensions, 8 float64: a[j..j+3] then b[j..j+3]
;;   out    per row, 4 float64: two partial sums of x.a, then two of x.b (the caller adds each pair)
(module
  (memory (export "memory") 1)

  ;; mean[j] += x[i][j] over the n rows (the caller zeroes mean and divides).
  (func (export "colSums") (param $x i32) (param $n i32) (param $dp i32) (param $mean i32)
    (local $a i32) (local $end i32) (local $m i32) (local $v v128)
    (local.set $a (local.get $x))
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.mul (local.get $n) (local.get $dp)) (i32.const 2))))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $m (local.get $mean))
        (loop $dims
          (local.set $v (v128.load (local.get $a)))
          (v128.store (local.get $m) (f64x2.add (v128.load (local.get $m)) (f64x2.promote_low_f32x4 (local.get $v))))
          (v128.store offset=16 (local.get $m) (f64x2.add (v128.load offset=16 (local.get $m))
            (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))))
          (local.set $a (i32.add (local.get $a) (i32.const 16)))
          (local.set $m (i32.add (local.get $m) (i32.const 32)))
          (br_if $dims (i32.lt_u (local.get $m) (i32.add (local.get $mean) (i32.shl (local.get $dp) (i32.const 3))))))
        (br $rows))))

  ;; x[i][j] = float32(x[i][j] - mean[j]) over the n real rows (subtraction in float64); returns the sum of squares
  ;; of the centred values (float64, before rounding), the total scatter.
  (func (export "centre") (param $x i32) (param $n i32) (param $dp i32) (param $mean i32) (result f64)
    (local $a i32) (local $end i32) (local $m i32) (local $mEnd i32) (local $v v128) (local $lo v128) (local $hi v128) (local $acc v128)
    (local.set $a (local.get $x))
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.mul (local.get $n) (local.get $dp)) (i32.const 2))))
    (local.set $mEnd (i32.add (local.get $mean) (i32.shl (local.get $dp) (i32.const 3))))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $m (local.get $mean))
        (loop $dims
          (local.set $v (v128.load (local.get $a)))
          (local.set $lo (f64x2.sub (f64x2.promote_low_f32x4 (local.get $v)) (v128.load (local.get $m))))
          (local.set $hi (f64x2.sub
            (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))
            (v128.load offset=16 (local.get $m))))
          (local.set $acc (f64x2.add (local.get $acc)
            (f64x2.add (f64x2.mul (local.get $lo) (local.get $lo)) (f64x2.mul (local.get $hi) (local.get $hi)))))
          (v128.store (local.get $a) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
            (f32x4.demote_f64x2_zero (local.get $lo)) (f32x4.demote_f64x2_zero (local.get $hi))))
          (local.set $a (i32.add (local.get $a) (i32.const 16)))
          (local.set $m (i32.add (local.get $m) (i32.const 32)))
          (br_if $dims (i32.lt_u (local.get $m) (local.get $mEnd))))
        (br $rows)))
    (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))

  ;; z64 += Xc^T (Xc Q) over rows [0, n4), n4 a multiple of 4, in row blocks of `block` rows (a multiple of 4): each
  ;; group of 4 rows gets its 4 x 8 projections y = X Q (float32, in registers), then z32 += X^T y; at the end of a
  ;; row block z32 is added to z64 in float64, so float32 sums never run over more than `block` rows.
  (func (export "gram8")
    (param $x i32) (param $n4 i32) (param $dp i32) (param $q i32) (param $z32 i32) (param $z64 i32) (param $block i32)
    (local $rowBytes i32) (local $qEnd i32) (local $zEnd i32) (local $row i32) (local $blockEnd i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $b i32) (local $w i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $x0 v128) (local $x1 v128) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local.set $rowBytes (i32.shl (local.get $dp) (i32.const 2)))
    (local.set $qEnd (i32.add (local.get $q) (i32.shl (local.get $dp) (i32.const 5))))
    (local.set $zEnd (i32.add (local.get $z32) (i32.shl (local.get $dp) (i32.const 5))))
    (block $allDone
      (loop $blocks
        (br_if $allDone (i32.ge_u (local.get $row) (local.get $n4)))
        (local.set $blockEnd (i32.add (local.get $row) (local.get $block)))
        (if (i32.gt_u (local.get $blockEnd) (local.get $n4)) (then (local.set $blockEnd (local.get $n4))))
        (block $groupsDone
          (loop $groups
            (br_if $groupsDone (i32.ge_u (local.get $row) (local.get $blockEnd)))
            (local.set $a0 (i32.add (local.get $x) (i32.mul (local.get $row) (local.get $rowBytes))))
            (local.set $a1 (i32.add (local.get $a0) (local.get $rowBytes)))
            (local.set $a2 (i32.add (local.get $a1) (local.get $rowBytes)))
            (local.set $a3 (i32.add (local.get $a2) (local.get $rowBytes)))
            ;; y = X Q for the 4 rows (dp >= 4, checked by the caller)
            (local.set $c00 (v128.const i32x4 0 0 0 0))
            (local.set $c01 (v128.const i32x4 0 0 0 0))
            (local.set $c10 (v128.const i32x4 0 0 0 0))
            (local.set $c11 (v128.const i32x4 0 0 0 0))
            (local.set $c20 (v128.const i32x4 0 0 0 0))
            (local.set $c21 (v128.const i32x4 0 0 0 0))
            (local.set $c30 (v128.const i32x4 0 0 0 0))
            (local.set $c31 (v128.const i32x4 0 0 0 0))
            (local.set $b (local.get $q))
            (local.set $w (i32.const 0))
            (loop $dot
              (local.set $x0 (v128.load (local.get $b)))
              (local.set $x1 (v128.load offset=16 (local.get $b)))
              (local.set $s0 (v128.load32_splat (i32.add (local.get $a0) (local.get $w))))
              (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $s0) (local.get $x0))))
              (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $s0) (local.get $x1))))
              (local.set $s1 (v128.load32_splat (i32.add (local.get $a1) (local.get $w))))
              (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $s1) (local.get $x0))))
              (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $s1) (local.get $x1))))
              (local.set $s2 (v128.load32_splat (i32.add (local.get $a2) (local.get $w))))
              (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $s2) (local.get $x0))))
              (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $s2) (local.get $x1))))
              (local.set $s3 (v128.load32_splat (i32.add (local.get $a3) (local.get $w))))
              (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $s3) (local.get $x0))))
              (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $s3) (local.get $x1))))
              (local.set $w (i32.add (local.get $w) (i32.const 4)))
              (local.set $b (i32.add (local.get $b) (i32.const 32)))
              (br_if $dot (i32.lt_u (local.get $b) (local.get $qEnd))))
            ;; z32 += x^T y for the 4 rows
            (local.set $b (local.get $z32))
            (local.set $w (i32.const 0))
            (loop $update
              (local.set $s0 (v128.load32_splat (i32.add (local.get $a0) (local.get $w))))
              (local.set $s1 (v128.load32_splat (i32.add (local.get $a1) (local.get $w))))
              (local.set $s2 (v128.load32_splat (i32.add (local.get $a2) (local.get $w))))
              (local.set $s3 (v128.load32_splat (i32.add (local.get $a3) (local.get $w))))
              (v128.store (local.get $b) (f32x4.add (v128.load (local.get $b)) (f32x4.add
                (f32x4.add (f32x4.mul (local.get $s0) (local.get $c00)) (f32x4.mul (local.get $s1) (local.get $c10)))
                (f32x4.add (f32x4.mul (local.get $s2) (local.get $c20)) (f32x4.mul (local.get $s3) (local.get $c30))))))
              (v128.store offset=16 (local.get $b) (f32x4.add (v128.load offset=16 (local.get $b)) (f32x4.add
                (f32x4.add (f32x4.mul (local.get $s0) (local.get $c01)) (f32x4.mul (local.get $s1) (local.get $c11)))
                (f32x4.add (f32x4.mul (local.get $s2) (local.get $c21)) (f32x4.mul (local.get $s3) (local.get $c31))))))
              (local.set $w (i32.add (local.get $w) (i32.const 4)))
              (local.set $b (i32.add (local.get $b) (i32.const 32)))
              (br_if $update (i32.lt_u (local.get $b) (local.get $zEnd))))
            (local.set $row (i32.add (local.get $row) (i32.const 4)))
            (br $groups)))
        ;; z64 += z32, in float64; z32 zeroed for the next row block
        (local.set $b (local.get $z32))
        (local.set $w (local.get $z64))
        (loop $flush
          (local.set $x0 (v128.load (local.get $b)))
          (v128.store (local.get $b) (v128.const i32x4 0 0 0 0))
          (v128.store (local.get $w) (f64x2.add (v128.load (local.get $w)) (f64x2.promote_low_f32x4 (local.get $x0))))
          (v128.store offset=16 (local.get $w) (f64x2.add (v128.load offset=16 (local.get $w))
            (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x0) (local.get $x0)))))
          (local.set $b (i32.add (local.get $b) (i32.const 16)))
          (local.set $w (i32.add (local.get $w) (i32.const 32)))
          (br_if $flush (i32.lt_u (local.get $b) (local.get $zEnd))))
        (br $blocks))))

  ;; out[i] = (partial sums of) x[i].a and x[i].b in float64, over the n rows.
  (func (export "project2") (param $x i32) (param $n i32) (param $dp i32) (param $v i32) (param $out i32)
    (local $a i32) (local $end i32) (local $p i32) (local $pEnd i32) (local $o i32)
    (local $xv v128) (local $lo v128) (local $hi v128) (local $sa v128) (local $sb v128)
    (local.set $a (local.get $x))
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.mul (local.get $n) (local.get $dp)) (i32.const 2))))
    (local.set $pEnd (i32.add (local.get $v) (i32.shl (local.get $dp) (i32.const 4))))
    (local.set $o (local.get $out))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
        (local.set $sa (v128.const i32x4 0 0 0 0))
        (local.set $sb (v128.const i32x4 0 0 0 0))
        (local.set $p (local.get $v))
        (loop $dims
          (local.set $xv (v128.load (local.get $a)))
          (local.set $lo (f64x2.promote_low_f32x4 (local.get $xv)))
          (local.set $hi (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $xv) (local.get $xv))))
          (local.set $sa (f64x2.add (local.get $sa) (f64x2.add
            (f64x2.mul (local.get $lo) (v128.load (local.get $p))) (f64x2.mul (local.get $hi) (v128.load offset=16 (local.get $p))))))
          (local.set $sb (f64x2.add (local.get $sb) (f64x2.add
            (f64x2.mul (local.get $lo) (v128.load offset=32 (local.get $p))) (f64x2.mul (local.get $hi) (v128.load offset=48 (local.get $p))))))
          (local.set $a (i32.add (local.get $a) (i32.const 16)))
          (local.set $p (i32.add (local.get $p) (i32.const 64)))
          (br_if $dims (i32.lt_u (local.get $p) (local.get $pEnd))))
        (v128.store (local.get $o) (local.get $sa))
        (v128.store offset=16 (local.get $o) (local.get $sb))
        (local.set $o (i32.add (local.get $o) (i32.const 32)))
        (br $rows)))))
