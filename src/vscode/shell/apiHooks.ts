// Small hooks features expose through the extension's API (what `activate` returns in Test mode only), for
// integration tests and benchmarks to observe the real UI state without reaching into internals. Never filled
// for a user: `activate` returns nothing outside ExtensionMode.Test.
import type { ExplorerHooks } from '../explorer/hooks';
import type { LifecycleHooks } from '../jobs/hooks';

export interface ApiHooks {
  explorer?: ExplorerHooks;
  lifecycle?: LifecycleHooks;
}
