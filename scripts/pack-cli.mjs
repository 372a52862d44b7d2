// `npm run pack:cli`: the installable `bedrock-mm` package for CI runners, holding only the CLI (dist/cli.js) and the
// AWS layer it loads lazily (dist/aws.js) and the image worker (dist/imageWorker.js); no dependencies (both bundles are self-contained). Written to
// dist-cli/bedrock-mm-<version>.tgz by `npm pack`, then its size is printed.
//   --from-dist   pack the bundles already in dist/ (tests: no rebuild under other tests' feet)
//   --out DIR     write the tarball there instead of dist-cli/
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fromDist = process.argv.includes('--from-dist');
const { version, license, engines, description } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outAt = process.argv.indexOf('--out');
const out = outAt > 0 && process.argv[outAt + 1] ? process.argv[outAt + 1] : join(root, 'dist-cli');
const stage = join(out, 'package');

/** README.md's "The command line" section, under an install line: the package's own README. */
function cliReadme() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## The command line (`bedrock-mm`)');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end).replace(/^## /, '# ');
  return `${section.trim()}\n\nPart of Bedrock Multimodal Customizer (${description}).\n`;
}

if (!fromDist) execFileSync(process.execPath, ['scripts/build.mjs', '--production', '--shipped-only'], { cwd: root, stdio: 'inherit' });
rmSync(out, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const f of ['cli.js', 'aws.js', 'imageWorker.js']) copyFileSync(join(root, 'dist', f), join(stage, f));
copyFileSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
writeFileSync(join(stage, 'README.md'), cliReadme());
writeFileSync(join(stage, 'package.json'), `${JSON.stringify({
  name: 'bedrock-mm',
  version,
  description: 'Fine-tune Amazon Titan Multimodal Embeddings on Amazon Bedrock from CI: validate, launch, wait, provision, compare with a quality gate, clean up.',
  license,
  bin: { 'bedrock-mm': 'cli.js' },
  files: ['cli.js', 'aws.js', 'imageWorker.js', 'README.md', 'LICENSE'],
  engines: { node: engines.node },
}, null, 2)}\n`);
const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: stage, encoding: 'utf8' }).trim().split('\n').pop();
const tarball = join(out, name);
const unpacked = ['cli.js', 'aws.js', 'imageWorker.js', 'README.md', 'LICENSE', 'package.json'].reduce((n, f) => n + statSync(join(stage, f)).size, 0);
console.log(`${tarball}: ${(statSync(tarball).size / 1024).toFixed(1)} KiB packed, ${(unpacked / 1024).toFixed(1)} KiB installed`);
