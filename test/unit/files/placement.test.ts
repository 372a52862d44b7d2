// The one rule for where bedrock-mm may write (src/core/files/placement.ts) and how it knows its own files
// (ours.ts), on a real temporary folder tree with real symlinks.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXPORT_RECORD, isOurExport, isOurReport, isOurSplitOutput, isOurSplitSidecar } from '../../../src/core/files/ours';
import { describeIssue, isInside, realLocation, writeIssues } from '../../../src/core/files/placement';

let top: string;
let ws: string;

before(() => {
  top = realpathSync(mkdtempSync(path.join(tmpdir(), 'bmc-place-')));
  ws = path.join(top, 'ws');
  mkdirSync(path.join(ws, 'sub'), { recursive: true });
  mkdirSync(path.join(top, 'ws-evil'));
  mkdirSync(path.join(top, 'elsewhere'));
  writeFileSync(path.join(top, 'elsewhere', 'bashrc'), 'export PATH=...\n');
  symlinkSync(path.join(top, 'elsewhere'), path.join(ws, 'linked-out'));
  symlinkSync(path.join(ws, 'sub'), path.join(ws, 'linked-in'));
  symlinkSync(path.join(top, 'elsewhere', 'bashrc'), path.join(ws, 'report.json'));
  symlinkSync(path.join(top, 'elsewhere', 'not-yet'), path.join(ws, 'dangling.json'));
});
after(() => rmSync(top, { recursive: true, force: true }));

describe('isInside: where the bytes really land', () => {
  it('plain relative and nested paths inside the root are inside', () => {
    assert.equal(isInside(ws, path.join(ws, 'a.json')), true);
    assert.equal(isInside(ws, path.join(ws, 'sub', 'deeper', 'not-yet', 'b.json')), true);
    assert.equal(isInside(ws, path.join(ws, 'sub', '..', 'c.json')), true);
  });

  it('the root itself is inside', () => {
    assert.equal(isInside(ws, ws), true);
    assert.equal(isInside(ws, `${ws}${path.sep}`), true);
  });

  it('../ and a/../../x leave the root', () => {
    assert.equal(isInside(ws, path.join(ws, '..', 'x.json')), false);
    assert.equal(isInside(ws, `${ws}/a/../../x`), false);
    assert.equal(isInside(ws, `${ws}/sub/../../home/.bashrc`), false);
    assert.equal(isInside(ws, path.resolve(ws, '../home/.bashrc')), false);
  });

  it('absolute paths elsewhere are outside', () => {
    assert.equal(isInside(ws, '/etc/passwd'), false);
    assert.equal(isInside(ws, path.join(top, 'elsewhere', 'bashrc')), false);
    assert.equal(isInside(ws, '/'), false);
  });

  it('a sibling folder sharing the prefix (/ws-evil vs /ws) is outside', () => {
    assert.equal(isInside(ws, path.join(top, 'ws-evil', 'x.json')), false);
    assert.equal(isInside(ws, path.join(top, 'ws-evil')), false);
    assert.equal(isInside(ws, `${ws}-evil`), false);
  });

  it('a symlinked folder inside the root pointing outside counts as outside, even for files not there yet', () => {
    assert.equal(isInside(ws, path.join(ws, 'linked-out', 'new.json')), false);
    assert.equal(isInside(ws, path.join(ws, 'linked-out', 'a', 'b', 'c.json')), false);
    assert.equal(realLocation(path.join(ws, 'linked-out', 'new.json')), path.join(top, 'elsewhere', 'new.json'));
  });

  it('a symlinked folder inside pointing inside is inside', () => {
    assert.equal(isInside(ws, path.join(ws, 'linked-in', 'x.json')), true);
  });

  it('a file link inside pointing outside is outside; a dangling one is judged by where it points', () => {
    assert.equal(isInside(ws, path.join(ws, 'report.json')), false);
    assert.equal(isInside(ws, path.join(ws, 'dangling.json')), false);
    assert.equal(realLocation(path.join(ws, 'dangling.json')), path.join(top, 'elsewhere', 'not-yet'));
  });

  it('a root given through a link is compared by its real path', () => {
    const alias = path.join(top, 'alias');
    symlinkSync(ws, alias);
    assert.equal(isInside(alias, path.join(ws, 'a.json')), true);
    assert.equal(isInside(ws, path.join(alias, 'a.json')), true);
    assert.equal(isInside(alias, path.join(alias, '..', 'ws-evil', 'x')), false);
  });
});

describe('writeIssues: outside, and existing files that are not ours', () => {
  it('a new file inside: no issue; outside: one, naming the root and where the link leads', () => {
    assert.deepEqual(writeIssues(ws, path.join(ws, 'new.json'), () => false), []);
    const [issue] = writeIssues(ws, path.join(ws, 'linked-out', 'x.json'), () => false);
    assert.equal(issue?.kind, 'outside');
    assert.match(describeIssue(issue!), /linked-out\/x\.json is outside .*ws \(it resolves to .*elsewhere\/x\.json\)/);
  });

  it('an existing file is foreign unless recognised', () => {
    const file = path.join(ws, 'notes.json');
    writeFileSync(file, '{"mine": true}');
    assert.deepEqual(writeIssues(ws, file, () => false).map((i) => i.kind), ['foreign']);
    assert.deepEqual(writeIssues(ws, file, () => true), []);
    assert.deepEqual(writeIssues(ws, path.join(ws, 'report.json'), isOurReport).map((i) => i.kind), ['outside', 'foreign']);
  });
});

describe('ours: recognising what bedrock-mm wrote', () => {
  it('a report carries schemaVersion and a bedrock-mm generator', () => {
    const mine = path.join(ws, 'mine.report.json');
    writeFileSync(mine, JSON.stringify({ schemaVersion: 1, generator: 'bedrock-mm 0.1.0', modes: [] }));
    const theirs = path.join(ws, 'theirs.report.json');
    writeFileSync(theirs, JSON.stringify({ schemaVersion: 1, generator: 'other-tool' }));
    const text = path.join(ws, 'bashrc.report.json');
    writeFileSync(text, 'export PATH=...\n');
    assert.equal(isOurReport(mine), true);
    assert.equal(isOurReport(theirs), false);
    assert.equal(isOurReport(text), false);
    assert.equal(isOurReport(path.join(ws, 'absent.json')), false);
    assert.equal(isOurReport(path.join(ws, 'sub')), false);
  });

  it('split outputs are ours only when the sidecar beside them names them', () => {
    const sidecar = path.join(ws, 'm.split.json');
    writeFileSync(sidecar, JSON.stringify({ source: 'm.jsonl', seed: 1, training: { file: 'm-train.jsonl' }, validation: { file: 'm-validation.jsonl' } }));
    assert.equal(isOurSplitSidecar(sidecar), true);
    assert.equal(isOurSplitOutput(sidecar, path.join(ws, 'm-train.jsonl')), true);
    assert.equal(isOurSplitOutput(sidecar, path.join(ws, 'm-validation.jsonl')), true);
    assert.equal(isOurSplitOutput(sidecar, path.join(ws, 'other.jsonl')), false);
    assert.equal(isOurSplitOutput(sidecar, path.join(ws, 'sub', 'm-train.jsonl')), false, 'same name in another folder');
    const fake = path.join(ws, 'f.split.json');
    writeFileSync(fake, JSON.stringify({ training: { file: '../../x' }, validation: { file: 'y' }, seed: 1 }));
    assert.equal(isOurSplitSidecar(fake), false, 'a sidecar naming a path is not ours');
  });

  it('exported embeddings are ours when the export record lists them', () => {
    const dir = path.join(ws, 'export');
    mkdirSync(dir);
    assert.equal(isOurExport(dir, path.join(dir, 'base.embeddings.jsonl')), false);
    writeFileSync(path.join(dir, EXPORT_RECORD), JSON.stringify({ generator: 'bedrock-mm compare --export-embeddings', files: ['base.embeddings.jsonl'] }));
    assert.equal(isOurExport(dir, path.join(dir, 'base.embeddings.jsonl')), true);
    assert.equal(isOurExport(dir, path.join(dir, 'tuned.embeddings.jsonl')), false);
    assert.equal(isOurExport(dir, path.join(dir, EXPORT_RECORD)), true);
  });
});
