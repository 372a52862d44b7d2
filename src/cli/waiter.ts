// The poll loop behind `launch --wait`, `wait JOB` and `provision --wait`: progress lines from
// core/lifecycle/waitProgress.ts on stderr, transient AWS failures (throttling beyond the SDK's own retries, a
// dropped connection) outlasted, the exit code of EXIT at the end. Ctrl-C stops the waiting, never the resource.
import { ProgressLines, type WaitOutcome, type WaitSnapshot } from '../core/lifecycle/waitProgress';
import { EXIT, isTransient, reportAwsFailure } from './exitCodes';
import type { CliIo } from './run';

export interface WaitTarget {
  /** e.g. `job my-job`, `throughput my-pt`. */
  subject: string;
  read(): Promise<WaitSnapshot>;
  outcome(status: string): WaitOutcome;
  /** The command that resumes the wait, and the one that stops the resource (for the Ctrl-C and timeout notes). */
  resume: string;
  stop?: string;
}

export interface WaitOptions { command: string; pollMs: number; timeoutMs?: number | undefined; io: CliIo }

/** Default seconds between polls: a job takes hours; a CI log needs no more. */
export const DEFAULT_POLL_MS = 30_000;

export async function waitUntilDone(target: WaitTarget, o: WaitOptions): Promise<number> {
  const { io } = o;
  const started = Date.now();
  const lines = new ProgressLines(target.subject, started);
  let interrupted = false;
  let wake: (() => void) | undefined;
  const onSigint = (): void => { interrupted = true; wake?.(); };
  process.once('SIGINT', onSigint);
  let transientNoted = false;
  try {
    for (;;) {
      try {
        const snap = await target.read();
        transientNoted = false;
        const line = lines.observe(snap, Date.now());
        if (line) io.stderr.write(`${line}\n`);
        const outcome = target.outcome(snap.status);
        if (outcome === 'done') return EXIT.ok;
        if (outcome === 'failed') {
          io.stderr.write(`${target.subject} ended ${snap.status}${snap.failureMessage ? `: ${snap.failureMessage}` : ''}\n`);
          return EXIT.failed;
        }
      } catch (e) {
        if (!isTransient(e)) return reportAwsFailure(o.command, e, io);
        if (!transientNoted) io.stderr.write(`${target.subject}: ${(e as Error).message} (still waiting; retrying)\n`);
        transientNoted = true;
      }
      if (interrupted) break;
      const left = o.timeoutMs === undefined ? Infinity : started + o.timeoutMs - Date.now();
      if (left <= 0) {
        io.stderr.write(`${target.subject}: not finished after ${Math.round((o.timeoutMs ?? 0) / 1000)} s (--timeout); it goes on. Resume with: ${target.resume}${target.stop ? `; stop it with: ${target.stop}` : ''}\n`);
        return EXIT.timeout;
      }
      await new Promise<void>((done) => {
        const timer = setTimeout(done, Math.min(o.pollMs, left));
        wake = () => { clearTimeout(timer); done(); };
      });
      wake = undefined;
      if (interrupted) break;
    }
    io.stderr.write(`\nStopped waiting; ${target.subject} goes on. Resume with: ${target.resume}${target.stop ? `; stop it with: ${target.stop}` : ''}\n`);
    return EXIT.interrupted;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
