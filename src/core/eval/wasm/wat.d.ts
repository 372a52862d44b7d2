// .wat sources are compiled to WebAssembly binaries by the build (scripts/build.mjs, wabt) and imported as bytes.
declare module '*.wat' {
  const bytes: Uint8Array;
  export default bytes;
}
