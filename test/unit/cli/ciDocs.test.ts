// docs/ci/github-actions.yml is the pipeline docs/ci/pipeline.sh runs (the script is exercised end to end by
// pipeline.test.ts): the same steps in the same order, OIDC credentials, and a clean-up that always runs.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const root = resolve(__dirname, '..', '..', '..', '..');
const workflow = readFileSync(join(root, 'docs', 'ci', 'github-actions.yml'), 'utf8');
const script = readFileSync(join(root, 'docs', 'ci', 'pipeline.sh'), 'utf8');

/** The bedrock-mm subcommands a text runs, in order. */
const steps = (text: string): string[] => [...text.matchAll(/(?:bedrock-mm|"\$\{BMM\[@\]\}") (validate|launch|provision|compare|cleanup)\b/g)].map((m) => m[1] ?? '');

describe('docs/ci', () => {
  it('the workflow runs the script\'s steps in the script\'s order', () => {
    const order = ['validate', 'launch', 'provision', 'compare', 'cleanup'];
    const inWorkflow = steps(workflow.slice(workflow.indexOf('steps:')));
    assert.deepEqual(inWorkflow.filter((s, i) => inWorkflow.indexOf(s) === i), order);
    assert.deepEqual([...new Set(steps(script.slice(script.indexOf('status=0'))))].sort(), [...order].sort());
  });

  it('OIDC credentials, and the clean-up of this run always', () => {
    assert.match(workflow, /permissions:\n\s+id-token: write/);
    assert.match(workflow, /uses: aws-actions\/configure-aws-credentials@v\d+\n\s+with:\n\s+role-to-assume: /);
    assert.doesNotMatch(workflow, /aws-access-key-id|aws-secret-access-key|secrets\.AWS/, 'no stored keys');
    assert.match(workflow, /if: always\(\)[^\n]*\n\s+run: bedrock-mm cleanup [^\n]*--from-spec "\$JOB_SPEC"[^\n]*--yes/);
    assert.match(workflow, /launch --spec "\$JOB_SPEC" [^\n]*--yes --wait/);
    assert.match(workflow, /--gate "[^"]+"/);
  });
});
