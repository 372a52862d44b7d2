;; Exact similarity kernel: float32 dot products of 4 query rows against one panel of 8 corpus vectors at a time,
;; with 128-bit SIMD. Compiled to WebAssembly by the build (scripts/build.mjs, wabt); driven by ../knnFast.ts.
;;
;; Each lane accumulates one (query, corpus vector) pair sequentially over the dimensions with a float32 multiply
;; then a float32 add, exactly the order of f32Dot in ../topk.ts: the fast and the naive path give bit-identical
;; scores, hence identical rankings (ties included).
;;
;; Layout (byte addresses in this module's memory):
;;   queries  nq rows of dim floats, row-major; nq is a multiple of 4 (the caller pads with zero rows)
;;   panels   np panels of dim*8 floats; value d of vector j of a panel is at float index d*8 + j
;;   out      score of query i against vector j of panel p is stored at float index i*stride + p*8 + j
(module
  (memory (export "memory") 1)
  (func (export "scores")
    (param $q i32) (param $nq i32) (param $panels i32) (param $np i32) (param $dim i32) (param $out i32) (param $stride i32)
    (local $qi i32) (local $p i32) (local $rowBytes i32) (local $panelBytes i32) (local $outRow i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32) (local $b i32) (local $bEnd i32) (local $o i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128) (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $x0 v128) (local $x1 v128) (local $s v128)
    (local.set $rowBytes (i32.shl (local.get $dim) (i32.const 2)))
    (local.set $panelBytes (i32.shl (local.get $dim) (i32.const 5)))
    (local.set $outRow (i32.shl (local.get $stride) (i32.const 2)))
    (block $queriesDone
      (loop $queries
        (br_if $queriesDone (i32.ge_u (local.get $qi) (local.get $nq)))
        (local.set $p (i32.const 0))
        (block $panelsDone
          (loop $panelLoop
            (br_if $panelsDone (i32.ge_u (local.get $p) (local.get $np)))
            (local.set $a0 (i32.add (local.get $q) (i32.mul (local.get $qi) (local.get $rowBytes))))
            (local.set $a1 (i32.add (local.get $a0) (local.get $rowBytes)))
            (local.set $a2 (i32.add (local.get $a1) (local.get $rowBytes)))
            (local.set $a3 (i32.add (local.get $a2) (local.get $rowBytes)))
            (local.set $b (i32.add (local.get $panels) (i32.mul (local.get $p) (local.get $panelBytes))))
            (local.set $bEnd (i32.add (local.get $b) (local.get $panelBytes)))
            (local.set $c00 (v128.const i32x4 0 0 0 0))
            (local.set $c01 (v128.const i32x4 0 0 0 0))
            (local.set $c10 (v128.const i32x4 0 0 0 0))
            (local.set $c11 (v128.const i32x4 0 0 0 0))
            (local.set $c20 (v128.const i32x4 0 0 0 0))
            (local.set $c21 (v128.const i32x4 0 0 0 0))
            (local.set $c30 (v128.const i32x4 0 0 0 0))
            (local.set $c31 (v128.const i32x4 0 0 0 0))
            ;; dim >= 1, checked by the caller
            (loop $dims
              (local.set $x0 (v128.load (local.get $b)))
              (local.set $x1 (v128.load offset=16 (local.get $b)))
              (local.set $s (v128.load32_splat (local.get $a0)))
              (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $s) (local.get $x0))))
              (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $s) (local.get $x1))))
              (local.set $s (v128.load32_splat (local.get $a1)))
              (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $s) (local.get $x0))))
              (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $s) (local.get $x1))))
              (local.set $s (v128.load32_splat (local.get $a2)))
              (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $s) (local.get $x0))))
              (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $s) (local.get $x1))))
              (local.set $s (v128.load32_splat (local.get $a3)))
              (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $s) (local.get $x0))))
              (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $s) (local.get $x1))))
              (local.set $a0 (i32.add (local.get $a0) (i32.const 4)))
              (local.set $a1 (i32.add (local.get $a1) (i32.const 4)))
              (local.set $a2 (i32.add (local.get $a2) (i32.const 4)))
              (local.set $a3 (i32.add (local.get $a3) (i32.const 4)))
              (local.set $b (i32.add (local.get $b) (i32.const 32)))
              (br_if $dims (i32.lt_u (local.get $b) (local.get $bEnd))))
            (local.set $o (i32.add (local.get $out)
              (i32.shl (i32.add (i32.mul (local.get $qi) (local.get $stride)) (i32.shl (local.get $p) (i32.const 3))) (i32.const 2))))
            (v128.store (local.get $o) (local.get $c00))
            (v128.store offset=16 (local.get $o) (local.get $c01))
            (local.set $o (i32.add (local.get $o) (local.get $outRow)))
            (v128.store (local.get $o) (local.get $c10))
            (v128.store offset=16 (local.get $o) (local.get $c11))
            (local.set $o (i32.add (local.get $o) (local.get $outRow)))
            (v128.store (local.get $o) (local.get $c20))
            (v128.store offset=16 (local.get $o) (local.get $c21))
            (local.set $o (i32.add (local.get $o) (local.get $outRow)))
            (v128.store (local.get $o) (local.get $c30))
            (v128.store offset=16 (local.get $o) (local.get $c31))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $panelLoop)))
        (local.set $qi (i32.add (local.get $qi) (i32.const 4)))
        (br $queries)))))
