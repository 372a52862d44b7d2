// Builds every bundle with esbuild. Type-checking is tsc's job (npm run check); this only transpiles and bundles.
//   dist/extension.js   the extension (CJS, `vscode` external; no AWS SDK inside, see dist/aws.js)
//   dist/aws.js         the AWS layer, loaded lazily on first AWS use
//   dist/cli.js         the `bedrock-mm` command line (shebang, wired as `bin`)
//   dist/imageWorker.js the image pool's worker thread (decode, thumbnail, perceptual hash), found beside the bundles
//   dist/webview/*      the comparison webview (browser)
//   out/test/**, out/emulator/**, out/bench/**   tests, the local AWS emulator and its tests, benchmarks (not shipped)
import * as esbuild from 'esbuild';
import { readdirSync, statSync, existsSync, rmSync, readFileSync } from 'node:fs';
import initWabt from 'wabt';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const production = process.argv.includes('--production');
const shippedOnly = process.argv.includes('--shipped-only');

function walk(dir, pred) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p, pred) : pred(p) ? [p] : [];
  });
}

// WebAssembly text sources (`*.wat`, e.g. the exact-kNN kernel) are compiled here and imported as bytes: the .wasm is
// always built from the source in the repository.
const wabt = await initWabt();
const watPlugin = {
  name: 'wat',
  setup(build) {
    build.onLoad({ filter: /\.wat$/ }, (args) => {
      const mod = wabt.parseWat(args.path, readFileSync(args.path, 'utf8'), { simd: true });
      try {
        mod.validate();
        return { contents: mod.toBinary({}).buffer, loader: 'binary' };
      } finally {
        mod.destroy();
      }
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  plugins: [watPlugin],
};

const shipped = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/aws/index.ts'], outfile: 'dist/aws.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/core/image/imageWorker.ts'], outfile: 'dist/imageWorker.js' },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['webview-ui/src/main.ts'],
    outdir: 'dist/webview',
    loader: { '.css': 'css' },
  },
];

// Tests, benchmarks and the emulator keep node_modules external: they run from the repository.
const devEntries = [
  ...walk(join(root, 'test'), (p) => /\.test\.ts$/.test(p) || /test[/\\](integration|e2e|production)[/\\]index\.ts$/.test(p)),
  ...walk(join(root, 'emulator'), (p) => /\.test\.ts$/.test(p) || /emulator[/\\]main\.ts$/.test(p)),
  ...walk(join(root, 'bench'), (p) => /[/\\]bench[/\\][^/\\]+[/\\](main|host)\.ts$/.test(p)),
].map((p) => relative(root, p));

const dev = {
  ...common,
  sourcemap: 'linked',
  minify: false,
  entryPoints: devEntries,
  outdir: 'out',
  outbase: '.',
  packages: 'external',
  external: ['vscode'],
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
const builds = shipped.map((o) => esbuild.build(o));
if (!shippedOnly && devEntries.length > 0) {
  rmSync(join(root, 'out'), { recursive: true, force: true });
  builds.push(esbuild.build(dev));
}
await Promise.all(builds);
