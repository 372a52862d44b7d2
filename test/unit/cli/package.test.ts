// The installable package (scripts/pack-cli.mjs): `npm pack` of the CLI and its lazily loaded AWS layer only, installed
// with `npm install -g` into an empty folder (its own npm cache and home, offline: the package has no dependencies),
// then run from there: --version, validate, and a subcommand that loads the AWS layer.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';

const root = resolve(__dirname, '..', '..', '..', '..');
const VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

describe('the bedrock-mm npm package', () => {
  const top = mkdtempSync(join(tmpdir(), 'bmc-pack-'));
  after(() => rmSync(top, { recursive: true, force: true }));

  it('installs from its tarball into an empty folder and runs from there', () => {
    const out = join(top, 'out');
    const packed = execFileSync(process.execPath, [join(root, 'scripts', 'pack-cli.mjs'), '--from-dist', '--out', out], { cwd: root, encoding: 'utf8' });
    const tarball = join(out, `bedrock-mm-${VERSION}.tgz`);
    assert.match(packed, /KiB packed, .* KiB installed/);
    const prefix = join(top, 'prefix');
    const env = { ...process.env, HOME: top, npm_config_cache: join(top, 'npm-cache'), npm_config_prefix: prefix, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    execFileSync('npm', ['install', '-g', tarball], { cwd: top, env, encoding: 'utf8' });
    const installed = join(prefix, 'lib', 'node_modules', 'bedrock-mm');
    assert.deepEqual(readdirSync(installed).sort(), ['LICENSE', 'README.md', 'aws.js', 'cli.js', 'imageWorker.js', 'package.json'], 'the CLI, its AWS layer and the image worker only');
    const bin = join(prefix, 'bin', 'bedrock-mm');
    const clean = { PATH: `${join(prefix, 'bin')}:${process.env['PATH'] ?? ''}`, HOME: top };
    const version = spawnSync(bin, ['--version'], { cwd: top, env: clean, encoding: 'utf8' });
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), VERSION);
    const manifest = join(root, 'test', 'fixtures', 'workspace', 'manifests', 'problems-valid.jsonl');
    const validate = spawnSync(bin, ['validate', manifest, '--role', 'validation'], { cwd: top, env: clean, encoding: 'utf8' });
    assert.equal(validate.status, 1, validate.stderr);
    assert.match(validate.stdout, /problems-valid\.jsonl:\d+:\d+: error /);
    // The AWS layer is found beside the CLI: a partial endpoint redirect is refused by the endpoint reader, which loads it.
    const jobs = spawnSync(bin, ['jobs', 'list'], { cwd: top, env: { ...clean, AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9' }, encoding: 'utf8' });
    assert.equal(jobs.status, 2, jobs.stderr);
    assert.match(jobs.stderr, /redirected by AWS_ENDPOINT_URL_S3 but not by AWS_ENDPOINT_URL_BEDROCK/);
  });
});
