/**
 * Who may write: an admin (any provider, key management), one provider's own team, or a
 * reviewer (an advocacy group or researcher) who records observations about any provider
 * but never writes a provider's declarations or figures.
 */
export type Role = 'admin' | 'provider' | 'reviewer';
export const ROLES: readonly Role[] = ['admin', 'provider', 'reviewer'];

/** An issued key as stored: the token itself is never kept, only its SHA-256 hash. */
export interface ApiKey {
  id: string;
  role: Role;
  /** The only provider a `provider` key may write for; null for admins. */
  providerId: string | null;
  /** The organisation a `reviewer` key speaks for; recorded on every observation it writes. */
  organisation?: string;
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
  organisation?: string;
}

/** What GET /v1/keys shows: everything but the hash. */
export function publicKeyView({ hash: _hash, ...rest }: ApiKey): Omit<ApiKey, 'hash'> {
  return rest;
}

/** May this caller write `providerId`'s own documents? Admins everywhere, provider keys only their own, reviewers never. */
export function mayWriteFor(caller: Caller, providerId: string): boolean {
  return caller.role === 'admin' || (caller.role === 'provider' && caller.providerId === providerId);
}

/** May this caller record observations (evidence about any provider)? Admins and reviewers. */
export function mayObserve(caller: Caller): boolean {
  return caller.role === 'admin' || caller.role === 'reviewer';
}
