// Every question Clean Up asks, put to the one InputDriver of the invocation (`services.input.driver()`): users get
// the native checklist, quick pick, modal and input box; in Test mode a test's own driver answers instead.
import type { Confirmation, TypeNameCheck } from '../../core/cleanup/confirm';
import { parseS3Prefix } from '../../core/cleanup/plan';
import type { ChecklistGroup } from '../../core/cleanup/presentation';
import type { InputDriver, PickManyAnswer, PickStep } from '../../core/lifecycle/steps';

export type CleanupAction = 'preview' | 'delete';

/** The step ids Clean Up asks under (a test's driver tells the questions apart by them). */
export const ACTION_STEP = 'cleanup-action';

/** The checklist; resolves with the ticked keys, an S3 prefix to add first, or undefined when dismissed. */
export function askChecklist(driver: InputDriver, groups: ChecklistGroup[], region: string): Promise<PickManyAnswer> {
  return driver.pickMany({
    title: `Clean Up (${region}): tick what to delete`,
    placeholder: 'Ticked: what this work provably created. Enter to continue; nothing is deleted before you confirm.',
    groups,
    add: { tooltip: 'Add S3 prefix...', title: 'Add an S3 prefix to clean up', placeholder: 's3://bucket/prefix/', validate: s3PrefixProblem },
  });
}

export async function askAction(driver: InputDriver, ticked: number): Promise<CleanupAction | undefined> {
  const step: PickStep<object> = { id: ACTION_STEP, kind: 'pick', title: 'Clean Up', placeholder: 'Preview the plan or delete now?', choices: () => [], apply: () => undefined };
  const answer = await driver.pick(step, [
    { label: 'Preview', description: 'dry run: open the plan as JSON, touch nothing', value: 'preview' },
    { label: `Delete ${ticked} resource${ticked === 1 ? '' : 's'}`, description: 'in dependency order, then verify each is gone', value: 'delete' },
  ], {}, { step: 1, total: 1 });
  return answer === 'preview' || answer === 'delete' ? answer : undefined;
}

/** One modal for the whole plan. */
export async function askConfirm(driver: InputDriver, c: Confirmation): Promise<boolean> {
  return (await driver.confirm(c.message, c.detail, ['Delete'])) === 'Delete';
}

/** Type-the-name for one costly resource. */
export function askTypedName(driver: InputDriver, check: TypeNameCheck): Promise<boolean> {
  return driver.typeToConfirm(`${check.why} Type ${check.name} to delete it.`, check.name);
}

/** Why a typed S3 prefix cannot be cleaned up, or undefined. A bare bucket is refused: a clean-up never empties one. */
export function s3PrefixProblem(text: string): string | undefined {
  const p = parseS3Prefix(text);
  if (!p) return 'Write it as s3://bucket/prefix/';
  return p.prefix === '' ? 'Name a prefix inside the bucket: a clean-up never empties a whole bucket.' : undefined;
}
