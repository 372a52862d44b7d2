// Hit-testing for the embedding map: a uniform grid over the canvas, so hover over a 10,000-point map looks at a
// few cells instead of every point. Pure (no DOM), unit-tested in plain Node.

export class PointGrid {
  private readonly cells = new Map<number, number[]>();

  constructor(private readonly xs: Float64Array, private readonly ys: Float64Array, private readonly cell = 12) {
    for (let i = 0; i < xs.length; i++) {
      const k = this.key(xs[i] as number, ys[i] as number);
      const list = this.cells.get(k);
      if (list) list.push(i); else this.cells.set(k, [i]);
    }
  }

  private key(x: number, y: number): number {
    return Math.floor(x / this.cell) * 100_003 + Math.floor(y / this.cell);
  }

  /** The index of the point nearest (x, y) within `radius` pixels, or -1. */
  nearest(x: number, y: number, radius: number, accept: (i: number) => boolean = () => true): number {
    let best = -1;
    let bestD = radius * radius;
    const span = Math.ceil(radius / this.cell);
    const cx = Math.floor(x / this.cell);
    const cy = Math.floor(y / this.cell);
    for (let gx = cx - span; gx <= cx + span; gx++) {
      for (let gy = cy - span; gy <= cy + span; gy++) {
        for (const i of this.cells.get(gx * 100_003 + gy) ?? []) {
          const dx = (this.xs[i] as number) - x;
          const dy = (this.ys[i] as number) - y;
          const d = dx * dx + dy * dy;
          if (d <= bestD && accept(i)) { bestD = d; best = i; }
        }
      }
    }
    return best;
  }
}

/** Map coordinates in [-1, 1] to canvas pixels (y up), with `pad` pixels of margin. */
export function toPixels(xy: readonly number[], size: number, pad: number): { xs: Float64Array; ys: Float64Array } {
  const n = xy.length / 2;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const span = (size - 2 * pad) / 2;
  for (let i = 0; i < n; i++) {
    xs[i] = pad + ((xy[2 * i] as number) + 1) * span;
    ys[i] = pad + (1 - (xy[2 * i + 1] as number)) * span;
  }
  return { xs, ys };
}
