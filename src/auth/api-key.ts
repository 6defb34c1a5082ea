/** Who may write: an admin (any provider, key management) or one provider's own team. */
export type Role = 'admin' | 'provider';
export const ROLES: readonly Role[] = ['admin', 'provider'];

/** An issued key as stored: the token itself is never kept, only its SHA-256 hash. */
export interface ApiKey {
  id: string;
  role: Role;
  /** The only provider a `provider` key may write for; null for admins. */
  providerId: string | null;
  label?: string;
  /** `sha256:` + hex digest of the token. */
  hash: string;
  createdAt: string;
  /** Id of the key that minted this one. */
  createdBy?: string;
  revokedAt?: string;
  /** `env` for the bootstrap admin configured by ADMIN_API_KEY (not stored, not revocable here). */
  source?: 'env';
}

/** The authenticated caller of one request. */
export interface Caller {
  keyId: string;
  role: Role;
  providerId: string | null;
}

/** What GET /v1/keys shows: everything but the hash. */
export function publicKeyView({ hash: _hash, ...rest }: ApiKey): Omit<ApiKey, 'hash'> {
  return rest;
}

/** May this caller write for `providerId`? Admins everywhere, provider keys only their own. */
export function mayWriteFor(caller: Caller, providerId: string): boolean {
  return caller.role === 'admin' || caller.providerId === providerId;
}
