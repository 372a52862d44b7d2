// Small hooks features expose through the extension's API (what `activate` returns in Test mode only), for
// integration tests and benchmarks to observe the real UI state without reaching into internals. Never filled
// for a user: `activate` returns nothing outside ExtensionMode.Test.
import type { ExplorerHooks } from '../explorer/hooks';
import type { LifecycleHooks } from '../jobs/hooks';
import type { LedgerSink } from '../../core/cleanup/ledger';
import type { PresentedError } from './errors';

export interface ApiHooks {
  explorer?: ExplorerHooks;
  lifecycle?: LifecycleHooks;
  /** The extension's ledger (workspace file + global mirror), for tests that set up what "this work" created. */
  ledger?: LedgerSink;
  /** Each command failure as the error presenter shows it (message and buttons). */
  errors?: { readonly onDidPresent: (listener: (e: PresentedError) => void) => { dispose(): void } };
}
