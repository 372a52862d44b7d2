// Makes sure the real VS Code used by tests and the demo is installed: Debian packages it needs, then
// code-server (VS Code 1.100.3 workbench + Node extension host) in a cache folder outside the repository,
// keyed by version and reused when present. Why real parts: docs/ARCHITECTURE.md, "How it is tested".
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, rmSync, copyFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_CACHE = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export function cacheRoot() {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'bedrock-mm');
}

export function codeServerDir() {
  return join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerEntry() {
  return join(codeServerDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

const hasDebPackage = (pkg) => spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status === 0;

/** Installs Debian packages that are missing; explains what to do when this process may not. */
export function ensureDebianPackages(packages, log = console.error) {
  const missing = packages.filter((p) => !hasDebPackage(p));
  if (missing.length === 0) return;
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`[setup] installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

/** Returns the path of code-server's entry script, installing it first when needed. */
export function ensureCodeServer(log = console.error) {
  ensureDebianPackages(['chromium', 'ripgrep', 'libkrb5-dev']);
  const dir = codeServerDir();
  const marker = join(dir, '.installed');
  if (existsSync(marker) && existsSync(codeServerEntry())) return codeServerEntry();

  log(`[setup] installing code-server ${CODE_SERVER_VERSION} into ${dir} (once; takes a few minutes)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // @vscode/ripgrep's postinstall downloads rg; it accepts a cached archive, which we make from Debian's rg.
  mkdirSync(RIPGREP_CACHE, { recursive: true });
  const archive = join(RIPGREP_CACHE, RIPGREP_ARCHIVE);
  if (!existsSync(archive)) {
    const staging = join(RIPGREP_CACHE, 'staging');
    mkdirSync(staging, { recursive: true });
    copyFileSync(execFileSync('sh', ['-c', 'command -v rg']).toString().trim(), join(staging, 'rg'));
    execFileSync('tar', ['-czf', archive, '-C', staging, 'rg']);
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));
  const env = {
    ...process.env,
    npm_config_yes: 'true',
    // code-server's postinstall runs nested `npm install`s that build native modules: they must run their scripts.
    npm_config_unsafe_perm: 'true',
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  const result = spawnSync('npm', ['install', '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0 || !existsSync(codeServerEntry())) {
    const tail = `${result.stdout}\n${result.stderr}`.split('\n').slice(-40).join('\n');
    throw new Error(`code-server ${CODE_SERVER_VERSION} failed to install (exit ${result.status}):\n${tail}`);
  }
  writeFileSync(marker, new Date().toISOString());
  return codeServerEntry();
}
