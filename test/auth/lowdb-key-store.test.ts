import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { Authenticator } from '../../src/auth/authenticator.js';
import { LowdbKeyStore } from '../../src/auth/lowdb-key-store.js';
import { mintToken } from '../../src/auth/token.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atlas-keys-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the lowdb key store', () => {
  it('keeps keys and revocations across a restart, and never the token', async () => {
    const keys = await LowdbKeyStore.open(dir);
    const a = mintToken();
    const b = mintToken();
    await keys.add({ id: a.id, hash: a.hash, role: 'provider', providerId: 'veritalk', createdAt: '2025-01-01T00:00:00.000Z' });
    await keys.add({ id: b.id, hash: b.hash, role: 'admin', providerId: null, createdAt: '2025-01-01T00:00:00.000Z' });
    await keys.revoke(b.id, new Date('2025-02-01T00:00:00Z'));
    await keys.close();

    const file = await readFile(path.join(dir, 'keys.json'), 'utf8');
    expect(file).not.toContain(a.token.split('.')[1]);
    const auth = new Authenticator(await LowdbKeyStore.open(dir));
    expect(await auth.authenticate(a.token)).toEqual({ keyId: a.id, role: 'provider', providerId: 'veritalk' });
    expect(await auth.authenticate(b.token)).toBe('unknown');
  });
});
