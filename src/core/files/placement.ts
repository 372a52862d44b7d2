// Where this tool may write: inside one root folder (the workspace folder, or the spec's folder for the CLI).
// A path is judged by where the bytes would really land, so `..`, absolute paths and symlinks (of the target or
// of any existing parent) are resolved first: a symlink inside the root that points outside counts as outside.
// Pure apart from reading the file system's links (no vscode, no AWS).
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import * as path from 'node:path';

/** Why a write needs the user's say-so: it lands outside the root, or replaces a file this tool did not write. */
export type WriteIssue =
  | { kind: 'outside'; path: string; root: string; resolved: string }
  | { kind: 'foreign'; path: string };

/**
 * The real location of `target` (absolute): the deepest existing ancestor through realpath, the rest appended.
 * A dangling symlink is followed to where it points, since writing through it creates that file.
 */
export function realLocation(target: string): string {
  let rest: string[] = [];
  let at = path.resolve(target);
  for (let hops = 0; hops < 64; hops++) {
    try {
      return path.join(realpathSync(at), ...rest);
    } catch {
      // `at` does not exist, or is a dangling link: follow the link by hand, else step up one folder.
      const link = danglingLink(at);
      if (link !== undefined) {
        at = path.resolve(path.dirname(at), link);
        continue;
      }
      const parent = path.dirname(at);
      if (parent === at) return path.join(at, ...rest);
      rest = [path.basename(at), ...rest];
      at = parent;
    }
  }
  return path.join(at, ...rest); // a link loop: judged where it stands (writing there fails anyway)
}

function danglingLink(p: string): string | undefined {
  try {
    return lstatSync(p).isSymbolicLink() ? readlinkSync(p) : undefined;
  } catch {
    return undefined;
  }
}

/** True when `target` really lies in `root` or is `root` itself (`/ws-evil` is not inside `/ws`). */
export function isInside(root: string, target: string): boolean {
  const r = realLocation(root);
  const t = realLocation(target);
  const rel = path.relative(r, t);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** True when something (a file, folder or link) is at `p`. */
export function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * What stands in the way of writing `target`: outside `root`, and/or an existing file that `isOurs` does not
 * recognise as one this tool wrote. Empty: write without asking.
 */
export function writeIssues(root: string, target: string, isOurs: (file: string) => boolean): WriteIssue[] {
  const issues: WriteIssue[] = [];
  const abs = path.resolve(target);
  if (!isInside(root, abs)) issues.push({ kind: 'outside', path: abs, root: path.resolve(root), resolved: realLocation(abs) });
  if (exists(abs) && !isOurs(abs)) issues.push({ kind: 'foreign', path: abs });
  return issues;
}

/** One line per issue, for a refusal or a confirmation dialog. */
export function describeIssue(issue: WriteIssue): string {
  if (issue.kind === 'foreign') return `${issue.path} already exists and was not written by bedrock-mm`;
  const via = issue.resolved !== issue.path ? ` (it resolves to ${issue.resolved})` : '';
  return `${issue.path} is outside ${issue.root}${via}`;
}
