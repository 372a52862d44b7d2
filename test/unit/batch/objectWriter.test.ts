// The streaming S3 writer of the batch input (src/aws/compare/batch/objectWriter.ts) against the emulator's S3:
// strings (multi-byte characters across part boundaries included) and bytes come back exactly, in order; a large
// object goes up as several parts, a small one as one PutObject.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AwsSession } from '../../../src/aws';
import { S3ObjectWriter } from '../../../src/aws/compare/batch/objectWriter';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { emulatorSession } from '../../support/emulatorCompare';

let emu: RunningEmulator;
let session: AwsSession;

before(async () => {
  emu = await startEmulator();
  session = emulatorSession(emu);
  await session.s3.createBucket('writer');
});
after(async () => {
  session?.dispose();
  await emu?.stop();
});

/** S3 requests of a kind: an UploadPart is a PUT with a partNumber, a PutObject one without. */
async function operations(name: 'UploadPart' | 'PutObject'): Promise<number> {
  const r = (await (await fetch(`${emu.endpoints.admin}/requests?service=s3`)).json()) as { requests: { method: string; path: string; query: Record<string, string> }[] };
  return r.requests.filter((q) => q.method === 'PUT' && q.path.split('/').filter(Boolean).length > 1 && ('partNumber' in q.query) === (name === 'UploadPart')).length;
}

test('S3ObjectWriter: strings and bytes, split across parts, read back byte for byte', async () => {
  const parts = await operations('UploadPart');
  const w = new S3ObjectWriter(session.s3, 'writer', 'big.jsonl', 1000);
  const expected: Buffer[] = [];
  for (let i = 0; i < 60; i++) {
    const line = `{"n":${i},"s":"${'é€𝄞'.repeat(i % 7)}${'x'.repeat(i * 3)}"}\n`;
    if (i % 3 === 0) {
      const bytes = Buffer.from(line, 'utf8');
      await w.write(new Uint8Array(bytes));
      expected.push(bytes);
    } else {
      await w.write(line);
      expected.push(Buffer.from(line, 'utf8'));
    }
  }
  await w.close();
  const want = Buffer.concat(expected);
  assert.equal(w.bytes, want.length);
  assert.ok(Buffer.from(await session.s3.getObject('writer', 'big.jsonl')).equals(want));
  assert.equal(await operations('UploadPart') - parts, Math.ceil(want.length / 1000));
});

test('S3ObjectWriter: a small object is one PutObject', async () => {
  const puts = await operations('PutObject');
  const w = new S3ObjectWriter(session.s3, 'writer', 'small.jsonl');
  await w.write('{"a":1}\n');
  await w.write(new Uint8Array(Buffer.from('{"b":2}\n')));
  await w.close();
  assert.equal(Buffer.from(await session.s3.getObject('writer', 'small.jsonl')).toString('utf8'), '{"a":1}\n{"b":2}\n');
  assert.equal(await operations('PutObject') - puts, 1);
});
