// Waits for an asynchronous condition, re-checking it each time `onEvent` fires (never a blind sleep).
import type * as vscode from 'vscode';

export function waitUntil<T>(
  onEvent: vscode.Event<unknown>, check: () => Promise<T | undefined | false>, what: string, timeoutMs = 30_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let running = false;
    let again = false;
    const done = (f: () => void): void => { if (!settled) { settled = true; clearTimeout(timer); sub.dispose(); f(); } };
    const timer = setTimeout(() => done(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    const run = (): void => {
      if (settled) return;
      if (running) { again = true; return; }
      running = true;
      check().then((v) => {
        running = false;
        if (v) done(() => resolve(v));
        else if (again) { again = false; run(); }
      }, (err: unknown) => done(() => reject(err instanceof Error ? err : new Error(String(err)))));
    };
    const sub = onEvent(run);
    run();
  });
}
