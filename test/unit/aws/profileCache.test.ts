import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProfileCache } from '../../../src/vscode/session/profileCache';

test('ProfileCache reads the files once, and again only when one changed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bmc-profile-cache-'));
  try {
    const config = join(dir, 'config');
    writeFileSync(config, Array.from({ length: 5000 }, (_, i) => `[profile p${i}]\nregion = us-west-2\n`).join(''));
    const cache = new ProfileCache({ AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'missing') });
    const first = cache.get();
    assert.equal((await first).length, 5000);
    const second = cache.get();
    assert.equal(await second, await first, 'unchanged files: the same parsed list, no second parse');
    writeFileSync(config, '[profile only]\nregion = eu-west-1\n');
    const third = await cache.get();
    assert.deepEqual(third.map((p) => [p.name, p.region]), [['only', 'eu-west-1']], 'a changed file is read again');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
