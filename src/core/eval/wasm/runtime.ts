// The part of the WebAssembly JS API the project's kernels use (its lib settings carry no WebAssembly types), and the
// one check that the runtime runs a kernel built with SIMD: a runtime without it refuses the module, so validating the
// kernel's own bytes is the test.

export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

export interface WasmMemory {
  buffer: ArrayBuffer;
  /** Returns the previous size in pages; throws (RangeError) when the memory cannot grow. */
  grow(pages: number): number;
}

export const WASM_PAGE = 65536;

export const wasmApi = (): WasmApi | undefined => (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

const validated = new WeakMap<Uint8Array, boolean>();
export function kernelRuns(bytes: Uint8Array): boolean {
  let ok = validated.get(bytes);
  if (ok === undefined) {
    ok = wasmApi()?.validate(bytes) ?? false;
    validated.set(bytes, ok);
  }
  return ok;
}
