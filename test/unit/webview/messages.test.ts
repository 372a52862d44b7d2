import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  answerRequest, dispatchNotification, isHostMessage, isWebviewMessage, Requester,
  type HostNotifications, type NotificationHandlers, type WebviewRequests,
} from '../../../src/protocol/messages';

test('messages: a request is numbered and settled by the reply with its id', async () => {
  const posted: { id: number; type: string }[] = [];
  const r = new Requester<WebviewRequests>((m) => posted.push({ id: m.id, type: String(m.type) }));
  const a = r.request('exportTable', { table: 'metrics', format: 'csv', content: 'x' });
  const b = r.request('exportSnapshot', { state: {} });
  assert.deepEqual(posted.map((p) => p.id), [1, 2]);
  assert.equal(r.settle({ kind: 'reply', id: 2, ok: false, error: 'disk full' }), true);
  assert.equal(r.settle({ kind: 'reply', id: 1, ok: true, result: { savedTo: '/tmp/m.csv' } }), true);
  assert.deepEqual(await a, { savedTo: '/tmp/m.csv' });
  await assert.rejects(b, /disk full/);
  assert.equal(r.settle({ kind: 'reply', id: 1, ok: true, result: null }), false, 'a stale reply is ignored');
  assert.equal(r.outstanding, 0);
});

test('messages: answerRequest turns a thrown error into an ok:false reply', async () => {
  const handlers = {
    exportTable: () => Promise.reject(new Error('no folder')),
    exportSnapshot: () => Promise.resolve({ savedTo: 'a.html' }),
    computeMap: () => Promise.reject(new Error('no embeddings file')),
  };
  assert.deepEqual(await answerRequest<WebviewRequests>({ kind: 'request', id: 7, type: 'exportTable', params: {} }, handlers),
    { kind: 'reply', id: 7, ok: false, error: 'no folder' });
  assert.deepEqual(await answerRequest<WebviewRequests>({ kind: 'request', id: 8, type: 'exportSnapshot', params: {} }, handlers),
    { kind: 'reply', id: 8, ok: true, result: { savedTo: 'a.html' } });
});

test('messages: notifications reach their handler; guards reject foreign shapes', () => {
  const seen: string[] = [];
  const handlers: NotificationHandlers<HostNotifications> = {
    report: (p) => seen.push(`report:${p.source}`),
    thumbnails: (p) => seen.push(`thumbnails:${p.source}:${Object.keys(p.thumbnails).join(',')}:${p.done}`),
    error: (p) => seen.push(`error:${p.message}`),
  };
  dispatchNotification<HostNotifications>({ kind: 'notify', type: 'error', payload: { message: 'bad' } }, handlers);
  dispatchNotification<HostNotifications>({ kind: 'notify', type: 'thumbnails', payload: { source: 'r.json', thumbnails: { a: 'u' }, thumbnailProblems: {}, done: true } }, handlers);
  assert.deepEqual(seen, ['error:bad', 'thumbnails:r.json:a:true']);
  assert.equal(isHostMessage({ kind: 'notify', type: 'thumbnails', payload: {} }), true, 'streamed thumbnails are a host message');
  assert.equal(isWebviewMessage({ kind: 'notify', type: 'ready', payload: { protocolVersion: 1 } }), true);
  assert.equal(isWebviewMessage({ kind: 'request', type: 'exportTable' }), false, 'a request needs an id');
  assert.equal(isWebviewMessage({ command: 'ready' }), false, 'untyped {command} messages are refused');
  assert.equal(isWebviewMessage(null), false);
  assert.equal(isHostMessage({ kind: 'reply', id: 1, ok: true, result: 1 }), true);
  assert.equal(isHostMessage({ kind: 'notify', type: 'eval' }), false);
});
