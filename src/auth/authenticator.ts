import type { ApiKey, Caller } from './api-key.js';
import type { KeyStore } from './key-store.js';
import { hashToken, keyIdOf, tokenMatches } from './token.js';

export const ENV_ADMIN_KEY_ID = 'admin-env';

export type AuthFailure = 'missing' | 'unknown';

/**
 * Turns a presented bearer token into a caller. The bootstrap admin (ADMIN_API_KEY) is
 * held in memory as a hash only; every other key is looked up by the id its token names
 * and its hash compared in constant time. Revoked and unknown keys are the same to a caller.
 */
export class Authenticator {
  private readonly envAdmin?: ApiKey;

  constructor(
    readonly keys: KeyStore,
    adminToken?: string,
    startedAt: Date = new Date(),
  ) {
    if (adminToken) {
      this.envAdmin = { id: ENV_ADMIN_KEY_ID, role: 'admin', providerId: null, label: 'ADMIN_API_KEY', hash: hashToken(adminToken), createdAt: startedAt.toISOString(), source: 'env' };
    }
  }

  /** Every key, the bootstrap admin first. */
  async list(): Promise<ApiKey[]> {
    return [...(this.envAdmin ? [this.envAdmin] : []), ...(await this.keys.list())];
  }

  async authenticate(token: string | undefined): Promise<Caller | AuthFailure> {
    if (!token) return 'missing';
    if (this.envAdmin && tokenMatches(token, this.envAdmin.hash)) return this.callerOf(this.envAdmin);
    const id = keyIdOf(token);
    const key = id ? await this.keys.find(id) : undefined;
    if (!key || key.revokedAt || !tokenMatches(token, key.hash)) return 'unknown';
    return this.callerOf(key);
  }

  private callerOf(key: ApiKey): Caller {
    return { keyId: key.id, role: key.role, providerId: key.providerId, ...(key.organisation ? { organisation: key.organisation } : {}) };
  }
}

/** The token of an `Authorization: Bearer <token>` header, if that is what was sent. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ ]+([\x21-\x7e]+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
