import type { AwsErrorKind } from '../../core/awsRules/userError';
import { COMMANDS } from '../commands/ids';

/** A button offered next to an AWS error: run a command, type a command in a terminal, or open a page. */
export type ErrorAction =
  | { readonly label: string; readonly kind: 'command'; readonly command: string }
  | { readonly label: string; readonly kind: 'terminal'; readonly commandLine: string }
  | { readonly label: string; readonly kind: 'url'; readonly url: string };

/**
 * The buttons for an error kind (pure, so the choice is unit-tested): "Sign in again" for an expired SSO session,
 * "Choose Profile" for credentials that do not work, the console page for model access and quotas, always the log.
 */
export function errorActions(error: { kind: AwsErrorKind; details: { signInCommand?: string | undefined } }, region: string): ErrorAction[] {
  const actions: ErrorAction[] = [];
  switch (error.kind) {
    case 'ssoExpired':
      actions.push({ label: 'Sign in again', kind: 'terminal', commandLine: error.details.signInCommand ?? 'aws sso login' });
      break;
    case 'noCredentials':
    case 'credentialsExpired':
    case 'credentialsInvalid':
      actions.push({ label: 'Choose Profile', kind: 'command', command: COMMANDS.selectProfile });
      break;
    case 'modelAccess':
      actions.push({ label: 'Open Model Access', kind: 'url', url: `https://${region}.console.aws.amazon.com/bedrock/home?region=${region}#/modelaccess` });
      break;
    case 'quota':
      actions.push({ label: 'Open Service Quotas', kind: 'url', url: `https://${region}.console.aws.amazon.com/servicequotas/home/services/bedrock/quotas?region=${region}` });
      break;
    default:
      break;
  }
  actions.push({ label: 'Show Log', kind: 'command', command: COMMANDS.showLog });
  return actions;
}
