// The typed message contract between the comparison panel's host (src/vscode/compare) and its webview
// (webview-ui/). Both sides import these maps, so a message's name and payload are checked at compile time, and the
// mapped handler types make a missing handler a compile error. No vscode, no DOM.
//
// Three kinds of message:
//   - notifications, one way, no reply (host -> webview: `report`, then `thumbnails` as they are made; webview -> host:
//     `ready`);
//   - requests from the webview with an `id`, answered by exactly one `reply` carrying the same id
//     (export a table, save a snapshot) so the webview can show the outcome where the user clicked;
//   - the ready handshake: the webview posts `ready` once its listener is installed, and only then does the host
//     post the report (a message posted before that would be lost).
import type { ComparisonReport, EmbeddingMap } from './report';

export const PROTOCOL_VERSION = 2;

/** The webview's view state, kept by `setState` and handed back after a reload (through the serializer). */
export interface ViewState {
  /** Where the report was loaded from, so the host can reload it after a window reload. */
  reportPath?: string;
  mode?: string;
  missesOnly?: boolean;
  classFilter?: string;
  tab?: string;
}

/** The tables the webview can export; each becomes a CSV or JSON file. */
export type TableId = 'headline' | 'metrics' | 'per-class' | 'per-query' | 'confusion' | 'confused-pairs';

// ---------------------------------------------------------------------------------------------- host -> webview
export interface HostNotifications {
  /** The report to show. `thumbnails` maps a corpus item id to a webview URI (already `asWebviewUri`'d). */
  report: {
    report: ComparisonReport; source: string; thumbnails: Record<string, string>; state?: ViewState;
    /** Item id -> why it has no thumbnail (shown in its placeholder). */
    thumbnailProblems?: Record<string, string>;
    /** Item ids whose thumbnail is still being made: a placeholder now, filled in by `thumbnails` messages. */
    thumbnailsPending?: string[];
  };
  /**
   * More thumbnails of the report from `source` (the report is posted first, its images follow as they are made);
   * `done` says no more will come for it: a pending id still missing then has none.
   */
  thumbnails: { source: string; thumbnails: Record<string, string>; thumbnailProblems: Record<string, string>; done: boolean };
  /** A report could not be read; shown in place of the report. */
  error: { message: string };
}

// ---------------------------------------------------------------------------------------------- webview -> host
export interface WebviewNotifications {
  ready: { protocolVersion: number };
  /** The webview's view state changed (the host keeps the latest for tests and snapshots). */
  state: { state: ViewState };
}

/** Requests the webview sends and the host answers: params in, result out. */
// A type alias, not an interface, so it satisfies RequestMap's index signature.
export type WebviewRequests = {
  /** Save `content` (already CSV or JSON) to a file the user picks. */
  exportTable: { params: { table: TableId; format: 'csv' | 'json'; content: string }; result: { savedTo: string | null } };
  /** Save a self-contained HTML snapshot of the report (the host inlines the built JS and CSS). */
  exportSnapshot: { params: { state: ViewState; mapImages?: Record<string, string> }; result: { savedTo: string | null } };
  /** An old report (schema 1) has no embedding map: the host computes it from the embeddings cache. */
  computeMap: { params: Record<string, never>; result: { map: EmbeddingMap; thumbnails: Record<string, string>; thumbnailProblems: Record<string, string> } };
};

// --------------------------------------------------------------------------------------------------- envelopes
type NotificationEnvelope<M> = { [K in keyof M]: { kind: 'notify'; type: K; payload: M[K] } }[keyof M];
type RequestEnvelope<M extends RequestMap> = {
  [K in keyof M]: { kind: 'request'; id: number; type: K; params: M[K]['params'] };
}[keyof M];
export type Reply = { kind: 'reply'; id: number; ok: true; result: unknown } | { kind: 'reply'; id: number; ok: false; error: string };
export type RequestMap = Record<string, { params: unknown; result: unknown }>;

/** Everything the host posts to the webview. */
export type HostMessage = NotificationEnvelope<HostNotifications> | Reply;
/** Everything the webview posts to the host. */
export type WebviewMessage = NotificationEnvelope<WebviewNotifications> | RequestEnvelope<WebviewRequests>;

// ------------------------------------------------------------------------------------------- handler mappings
/** One handler per notification: leaving one out is a compile error. */
export type NotificationHandlers<M> = { [K in keyof M]: (payload: M[K]) => void };
/** One handler per request, returning the result the reply carries. */
export type RequestHandlers<M extends RequestMap> = { [K in keyof M]: (params: M[K]['params']) => Promise<M[K]['result']> };

export function notify<M, K extends keyof M>(type: K, payload: M[K]): { kind: 'notify'; type: K; payload: M[K] } {
  return { kind: 'notify', type, payload };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Structural check of what arrives from the webview (it is the less trusted side). */
export function isWebviewMessage(v: unknown): v is WebviewMessage {
  if (!isRecord(v) || typeof v['type'] !== 'string') return false;
  if (v['kind'] === 'notify') return v['type'] === 'ready' || v['type'] === 'state';
  if (v['kind'] === 'request') return typeof v['id'] === 'number' && (v['type'] === 'exportTable' || v['type'] === 'exportSnapshot' || v['type'] === 'computeMap');
  return false;
}

export function isHostMessage(v: unknown): v is HostMessage {
  if (!isRecord(v)) return false;
  if (v['kind'] === 'reply') return typeof v['id'] === 'number' && typeof v['ok'] === 'boolean';
  return v['kind'] === 'notify' && (v['type'] === 'report' || v['type'] === 'thumbnails' || v['type'] === 'error');
}

/** Calls the notification handler for `message`'s type. */
export function dispatchNotification<M>(
  message: { kind: 'notify'; type: keyof M; payload: unknown },
  handlers: NotificationHandlers<M>,
): void {
  const handler = handlers[message.type] as (payload: unknown) => void;
  handler(message.payload);
}

/** Runs the request handler and builds the reply (a thrown error becomes `ok: false` with its message). */
export async function answerRequest<M extends RequestMap>(
  message: { kind: 'request'; id: number; type: keyof M; params: unknown },
  handlers: RequestHandlers<M>,
): Promise<Reply> {
  try {
    const handler = handlers[message.type] as (params: unknown) => Promise<unknown>;
    return { kind: 'reply', id: message.id, ok: true, result: await handler(message.params) };
  } catch (err) {
    return { kind: 'reply', id: message.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** The requesting side: numbers requests, and settles each one's promise when its reply arrives. */
export class Requester<M extends RequestMap> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly post: (message: { kind: 'request'; id: number; type: keyof M; params: unknown }) => void) {}

  request<K extends keyof M>(type: K, params: M[K]['params']): Promise<M[K]['result']> {
    const id = this.nextId++;
    return new Promise<M[K]['result']>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.post({ kind: 'request', id, type, params });
    });
  }

  /** Feed every reply here; returns false when the id is unknown (a stale reply after a reload). */
  settle(reply: Reply): boolean {
    const p = this.pending.get(reply.id);
    if (!p) return false;
    this.pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.result);
    else p.reject(new Error(reply.error));
    return true;
  }

  get outstanding(): number {
    return this.pending.size;
  }
}
