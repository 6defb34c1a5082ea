import type { AuditLog } from '../audit/audit-log.js';
import { MemoryAuditLog } from '../audit/audit-log.js';
import { Authenticator } from '../auth/authenticator.js';
import { MemoryKeyStore, type KeyStore } from '../auth/key-store.js';

/** How an app authenticates writes and where it keeps their audit trail. */
export interface AuthOptions {
  keys: KeyStore;
  audit: AuditLog;
  /** The bootstrap admin token (ADMIN_API_KEY). */
  adminToken?: string;
  clock?: () => Date;
}

/** What routers see of it. */
export interface AuthContext {
  authenticator: Authenticator;
  audit: AuditLog;
  clock: () => Date;
}

/** Without options nobody can write: no keys exist and there is no bootstrap admin. */
export function authContext(options: AuthOptions = { keys: new MemoryKeyStore(), audit: new MemoryAuditLog() }): AuthContext {
  const clock = options.clock ?? (() => new Date());
  return { authenticator: new Authenticator(options.keys, options.adminToken, clock()), audit: options.audit, clock };
}
