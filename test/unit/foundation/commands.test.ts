// One command registry (issue 14): every command id lives in src/vscode/commands/ids.ts, every contributed command
// is registered, every registered one is contributed or deliberately hidden, and no code names a command by a
// literal (how a command id that exists nowhere, `bedrockCustomizer.refreshExplorer`, went unnoticed). That
// features.ts has a handler for every id is the CommandTable type's job (a missing one does not compile); that
// registry.ts registers the whole table is checked in real VS Code (test/integration/commands.test.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, HIDDEN_COMMANDS, TEST_ONLY_COMMANDS, type CommandName } from '../../../src/vscode/commands/ids';
import { DEFAULTS, SECTION } from '../../../src/vscode/shell/settings';

// out/test/unit/foundation -> repository root
const root = path.join(__dirname, '..', '..', '..', '..');
interface Manifest {
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command: string }[]>;
    views: Record<string, { id: string }[]>;
  };
}
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const contributed = manifest.contributes.commands.map((c) => c.command);
const ids = new Set<string>(Object.values(COMMANDS));
const hidden = new Set<string>(Object.keys(HIDDEN_COMMANDS).map((k) => COMMANDS[k as CommandName]));

/** Ids under our prefix that are not commands, each for a documented reason. */
const NOT_COMMANDS = new Set<string>([
  ...Object.values(manifest.contributes.views).flat().map((v) => v.id), // the explorer's views
  ...Object.keys(DEFAULTS).map((k) => `${SECTION}.${k}`), // settings, named in messages
  'bedrockCustomizer.aws', 'bedrockCustomizer.polling', // status bar items
  'bedrockCustomizer.jobDetails', 'bedrockCustomizer.comparison', // webview panel types
  'bedrockCustomizer.lastRoleArn', 'bedrockCustomizer.cleanup.lastPlan', // workspace state keys
  'bedrockCustomizer.noCredentials', // a `when` context key
]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The code of a file without its comments (comments may name a command in prose). */
function code(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

const SRC = sourceFiles(path.join(root, 'src'));
const rel = (file: string): string => path.relative(root, file).split(path.sep).join('/');

test('every contributed command is in the registry and every registered one is contributed or documented as hidden', () => {
  for (const id of contributed) assert.ok(ids.has(id), `${id} is contributed but not in src/vscode/commands/ids.ts`);
  for (const id of ids) {
    assert.ok(contributed.includes(id) !== hidden.has(id), `${id}: ${hidden.has(id) ? 'hidden yet contributed' : 'registered but neither contributed nor in HIDDEN_COMMANDS'}`);
  }
  assert.deepEqual(Object.keys(HIDDEN_COMMANDS).sort(), [...TEST_ONLY_COMMANDS].sort(), 'the hidden commands are the Test-mode-only ones');
  for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
    for (const item of items) assert.ok(contributed.includes(item.command), `menu ${menu} names ${item.command}, which is not contributed`);
  }
});

test('only the command registry calls registerCommand', () => {
  const callers = SRC.filter((f) => /\bregisterCommand\s*\(/.test(code(f))).map(rel);
  assert.deepEqual(callers, ['src/vscode/commands/registry.ts']);
});

test('no code names a command by a literal, and every id under bedrockCustomizer. is a known one', () => {
  const problems: string[] = [];
  for (const file of SRC) {
    if (rel(file) === 'src/vscode/commands/ids.ts') continue;
    for (const m of code(file).matchAll(/['"`](bedrockCustomizer\.[A-Za-z0-9_.]+)['"`]/g)) {
      const id = m[1] ?? '';
      if (ids.has(id)) problems.push(`${rel(file)}: '${id}' is a command: use COMMANDS from src/vscode/commands/ids.ts`);
      else if (!NOT_COMMANDS.has(id)) problems.push(`${rel(file)}: '${id}' is no command, view, setting or documented id`);
    }
  }
  assert.deepEqual(problems, []);
});
