// What the error presenter shows for a failure: the message and the buttons, in the order offered. Pure (no
// `vscode`), so the choice of actions is unit-tested: an AWS failure offers what fixes it (errorActions), every
// failure offers "Show Log".
import type { AwsUserError } from '../../core/awsRules/userError';
import { errorActions, type ErrorAction } from '../session/errorActions';
import { COMMANDS } from '../commands/ids';

export interface PresentOptions {
  /** Put before the message, e.g. "Clean Up failed: ". */
  readonly prefix?: string;
  /** Actions of the failure itself (e.g. "Manage Workspace Trust"), offered before the AWS ones. */
  readonly actions?: readonly ErrorAction[];
}

export interface Presentation {
  readonly message: string;
  readonly actions: readonly ErrorAction[];
}

export const SHOW_LOG: ErrorAction = { label: 'Show Log', kind: 'command', command: COMMANDS.showLog };

/**
 * True for an AwsUserError. Structural, not `instanceof`: the AWS layer is its own bundle (dist/aws.js), so its
 * AwsUserError class is not the one this bundle would import.
 */
export function isAwsUserError(value: unknown): value is AwsUserError {
  if (!(value instanceof Error) || value.name !== 'AwsUserError') return false;
  const { kind, details } = value as Partial<AwsUserError>;
  return typeof kind === 'string' && typeof details === 'object' && details !== null;
}

/** The AwsUserError a failure is or was caused by (`new Error(message, { cause })`), if any. */
export function awsCause(err: unknown): AwsUserError | undefined {
  let at: unknown = err;
  for (let depth = 0; depth < 8 && at instanceof Error; depth++) {
    if (isAwsUserError(at)) return at;
    at = at.cause;
  }
  return undefined;
}

export function presentation(err: unknown, region: string, options: PresentOptions = {}): Presentation {
  const text = err instanceof Error ? err.message : String(err);
  const aws = awsCause(err);
  const fixes = aws ? errorActions(aws, region) : [SHOW_LOG];
  const actions = [...(options.actions ?? []), ...fixes];
  // One button per label: "Show Log" once, whatever the sources.
  const unique = actions.filter((a, i) => actions.findIndex((b) => b.label === a.label) === i);
  return { message: `${options.prefix ?? ''}${text}`, actions: unique };
}
