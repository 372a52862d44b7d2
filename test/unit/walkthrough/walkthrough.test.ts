// The walkthrough is the user's first map of the product: every command link must run a real command and every
// step must have its image in the three themes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..', '..', '..'); // out/test/unit/walkthrough -> repository root
interface Step {
  id: string; title: string; description: string;
  media: { image: Record<'light' | 'dark' | 'hc', string>; altText: string };
  completionEvents?: string[];
}
interface Manifest {
  contributes: { commands: { command: string }[]; walkthroughs: { id: string; steps: Step[] }[]; viewsContainers: { activitybar: { id: string }[] } };
}
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const commands = new Set(manifest.contributes.commands.map((c) => c.command));
const containers = manifest.contributes.viewsContainers.activitybar.map((c) => `workbench.view.extension.${c.id}`);
const steps = manifest.contributes.walkthroughs.flatMap((w) => w.steps);

test('the walkthrough covers credentials, data, launch, compare and clean-up in that order', () => {
  assert.deepEqual(steps.map((s) => s.id), ['credentials', 'prepare', 'launch', 'compare', 'cleanup']);
});

test('every command link in a step names a contributed command (or opens our sidebar)', () => {
  for (const s of steps) {
    const links = [...s.description.matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1] ?? '');
    assert.ok(links.length > 0, `step ${s.id} has a command link`);
    for (const c of links) assert.ok(commands.has(c) || containers.includes(c), `step ${s.id}: ${c} is a contributed command`);
    for (const e of s.completionEvents ?? []) assert.ok(commands.has(e.replace(/^onCommand:/, '')), `step ${s.id}: completion event ${e}`);
  }
});

test('every step has a light, dark and high-contrast SVG that exists, and alt text', () => {
  for (const s of steps) {
    assert.ok(s.media.altText.length > 10, `step ${s.id} alt text`);
    for (const theme of ['light', 'dark', 'hc'] as const) {
      const file = s.media.image[theme];
      assert.match(file, /\.svg$/, `${s.id} ${theme}`);
      const svg = fs.readFileSync(path.join(root, file), 'utf8');
      assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, `${file} is an SVG`);
      assert.doesNotMatch(svg, /<script|href="http/i, `${file} loads nothing`);
    }
  }
});
