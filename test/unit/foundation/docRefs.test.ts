// Every document a comment cites is one the repository holds: a `*.md` named in a comment of the sources resolves
// (from the repository root, or from the citing file's folder) to a file inside the repository, and no comment
// points at a path outside it. Comments are read with the TypeScript parser, so strings and URLs in code do not count.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

// out/test/unit/foundation -> repository root
const root = resolve(__dirname, '..', '..', '..', '..');
const SOURCE_DIRS = ['src', 'webview-ui/src', 'test', 'emulator', 'scripts', 'bench'];
const SKIP = new Set(['node_modules', 'fixtures', 'out', 'dist']);

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return SKIP.has(n) ? [] : sources(p);
    return /\.(ts|mts|mjs|js)$/.test(n) && !n.endsWith('.d.ts') ? [p] : [];
  });
}

/** The text of every comment in a file, each once. */
function comments(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const seen = new Map<number, string>();
  const take = (ranges: ts.CommentRange[] | undefined): void => {
    for (const r of ranges ?? []) seen.set(r.pos, text.slice(r.pos, r.end));
  };
  const visit = (node: ts.Node): void => {
    take(ts.getLeadingCommentRanges(text, node.getFullStart()));
    take(ts.getTrailingCommentRanges(text, node.getEnd()));
    node.forEachChild(visit);
  };
  visit(sf);
  take(ts.getLeadingCommentRanges(text, sf.endOfFileToken.getFullStart()));
  return [...seen.values()];
}

const inside = (p: string): boolean => {
  const rel = relative(root, p);
  return !rel.startsWith('..') && !isAbsolute(rel);
};

const files = [...SOURCE_DIRS.flatMap((d) => sources(join(root, d))), join(root, 'eslint.config.mjs')];

test('every *.md a comment cites exists in the repository', () => {
  const missing: string[] = [];
  let cited = 0;
  for (const file of files) {
    for (const c of comments(file)) {
      for (const [name] of c.matchAll(/[\w./-]*[\w-]\.md\b/g)) {
        cited++;
        const found = [join(root, name), join(dirname(file), name)].some((p) => inside(p) && existsSync(p));
        if (!found) missing.push(`${relative(root, file)}: ${name}`);
      }
    }
  }
  assert.ok(files.length > 300 && cited > 30, `read ${files.length} files, ${cited} citations`);
  assert.deepEqual(missing, [], 'cite a document under docs/ (or write the facts there)');
});

test('no comment points at a path outside the repository', () => {
  const outside: string[] = [];
  for (const file of files) {
    for (const c of comments(file)) {
      if (/\/work\/|(^|[\s(`'"])\.\.\/shared\/|(^|[\s(`'"])shared\/(reference|data|design)\//.test(c)) {
        outside.push(`${relative(root, file)}: ${c.split('\n')[0]}`);
      }
    }
  }
  assert.deepEqual(outside, []);
});
