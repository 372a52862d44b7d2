// README.md's "The command line" section, word for word: every flag it documents for a subcommand is in that
// subcommand's --help, and the documented examples run through the built dist/cli.js against the emulator (set up
// as the section says: --sample-data, the AWS_ENDPOINT_URL_* variables, the access key) with the documented exit codes.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ENDPOINT_VARIABLES } from '../../../src/cli/endpoints';
import { startEmulator, type RunningEmulator } from '../../../emulator';

const root = resolve(__dirname, '..', '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');
const SUBCOMMANDS = ['validate', 'evaluate', 'compare', 'cleanup', 'launch', 'wait', 'provision', 'jobs', 'models', 'throughputs'] as const;

function cliSection(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## The command line (`bedrock-mm`)');
  assert.ok(start >= 0, 'README has a "The command line" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The ```sh blocks of the section, continuation lines joined. */
function shellBlocks(section: string): string[][] {
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] ?? '').replace(/\\\n\s*/g, ' ').split('\n').filter((l) => l.trim() !== ''));
}

const flagsIn = (text: string): string[] => [...new Set(text.match(/--[a-z][a-z0-9-]*/g) ?? [])];

/** Shell words: blanks split, '...' and "..." quote (all the examples need). */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('README: the command line, word for word', () => {
  const section = cliSection();
  const [usage, examples] = shellBlocks(section);

  it('every flag the section documents for a subcommand is in its --help', () => {
    const documented = new Map<string, string[]>(SUBCOMMANDS.map((s) => [s, []]));
    for (const line of usage ?? []) {
      const sub = /^bedrock-mm (\w+)/.exec(line)?.[1] ?? '';
      assert.ok(documented.has(sub), `usage line for a known subcommand: ${line}`);
      documented.get(sub)?.push(...flagsIn(line));
    }
    // The bullets that start with a subcommand's name describe its flags too.
    for (const bullet of section.split('\n- ').slice(1)) {
      const sub = /^`(\w+)`/.exec(bullet)?.[1];
      if (sub && documented.has(sub)) documented.get(sub)?.push(...flagsIn(bullet));
    }
    for (const [sub, flags] of documented) {
      assert.ok(flags.length > 0, `${sub} is documented`);
      const help = spawnSync(process.execPath, [cli, sub, '--help'], { encoding: 'utf8' });
      assert.equal(help.status, 0, `${sub} --help: ${help.stderr}`);
      for (const flag of new Set(flags)) assert.match(help.stdout, new RegExp(`${flag}(?![\\w-])`), `${sub} --help lists ${flag}`);
    }
  });

  describe('the examples against the emulator', () => {
    let emulator: RunningEmulator;
    let cwd: string;
    before(async () => {
      assert.match(section, /npm run emulator -- --sample-data/, 'the section says how the emulator is started');
      emulator = await startEmulator({ sampleData: true });
      // A scratch folder laid out as a clone (the examples' paths are the repository's) that the examples write into.
      cwd = mkdtempSync(join(tmpdir(), 'bmc-readme-'));
      symlinkSync(join(root, 'test'), join(cwd, 'test'));
    });
    after(async () => { await emulator.stop(); });

    it('each example exits with the code written beside it', async () => {
      assert.ok(examples && examples.length > 0, 'the section has an examples block');
      const intro = section.slice(0, section.indexOf(examples[0] ?? ''));
      // The access key exactly as written (`AWS_ACCESS_KEY_ID=test ...`), the six variables at the emulator's URLs.
      const written = Object.fromEntries([...(/`(AWS_ACCESS_KEY_ID=[^`]*)`/.exec(intro)?.[1] ?? '').matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
      assert.deepEqual(Object.keys(written), ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION']);
      assert.match(intro, /the six `AWS_ENDPOINT_URL_\*` variables/);
      const e = emulator.endpoints;
      const env: NodeJS.ProcessEnv = {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(AWS_|BEDROCK_MM_ENDPOINT_|BMC_EMULATOR$)/.test(k))),
        AWS_CONFIG_FILE: join(cwd, 'no-config'), AWS_SHARED_CREDENTIALS_FILE: join(cwd, 'no-credentials'), AWS_EC2_METADATA_DISABLED: 'true',
        ...written,
        [ENDPOINT_VARIABLES.bedrock]: e.bedrock, [ENDPOINT_VARIABLES.bedrockRuntime]: e.bedrockRuntime, [ENDPOINT_VARIABLES.s3]: e.s3,
        [ENDPOINT_VARIABLES.opensearchServerless]: e.opensearchServerless, [ENDPOINT_VARIABLES.iam]: e.iam, [ENDPOINT_VARIABLES.sts]: e.sts,
      };
      for (const line of examples) {
        const m = /^bedrock-mm (.*?)\s+# exit (\d)\b/.exec(line);
        assert.ok(m, `an example is "bedrock-mm ARGS   # exit N": ${line}`);
        const r = await run(words(m[1] ?? ''), env, cwd);
        assert.equal(r.code, Number(m[2]), `${line}\n${r.stdout}${r.stderr}`);
        assert.doesNotMatch(r.stderr, /\n\s+at /, `no stack trace: ${line}`);
      }
      assert.equal(await emulator.store.getObject('bedrock-mm-demo', 'manifests/train.jsonl'), undefined, 'the clean-up example deleted the prefix');
    });
  });
});

/** Async: the emulator answers from this process, so its event loop keeps running while the CLI works. */
function run(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { env, cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
