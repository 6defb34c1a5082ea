import type { KeyStore } from '../../src/auth/key-store.js';
import { mintToken } from '../../src/auth/token.js';

/** Mints a provider key straight into the key store; returns its Authorization header. */
export async function providerAuth(keys: KeyStore, providerId: string): Promise<{ Authorization: string; keyId: string }> {
  const { id, token, hash } = mintToken();
  await keys.add({ id, hash, role: 'provider', providerId, createdAt: new Date().toISOString() });
  return { Authorization: `Bearer ${token}`, keyId: id };
}
