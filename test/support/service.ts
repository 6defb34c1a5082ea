import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryAuditLog } from '../../src/audit/audit-log.js';
import { MemoryKeyStore } from '../../src/auth/key-store.js';
import { buildService, type Service } from '../../src/bootstrap.js';
import type { AppOptions } from '../../src/http/app.js';
import { projectRoot } from '../../src/paths.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';

/** The bootstrap admin token of every test service; send it with `.set(adminAuth)`. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const adminAuth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

export interface TestService extends Service {
  store: Store;
  keys: MemoryKeyStore;
  audit: MemoryAuditLog;
}

/**
 * A service on an in-memory store (or the given one); the app never listens. Writes
 * need a key, as in production: `adminAuth` is an admin, `providerToken()` mints others.
 */
export async function testService(store: Store = new MemoryStore(), options: Partial<AppOptions> = {}): Promise<TestService> {
  const keys = new MemoryKeyStore();
  const audit = new MemoryAuditLog();
  const service = await buildService(store, { log: () => undefined, auth: { keys, audit, adminToken: ADMIN_TOKEN }, ...options });
  return { ...service, store, keys, audit };
}

/** A valid declaration for `providerId`, fresh each call so tests may mutate it. */
export function validDeclaration(providerId = 'veritalk'): Record<string, any> {
  return {
    format: 'retention-declaration/1',
    provider: { id: providerId, name: 'VeriTalk', headquarters: 'LU', establishments: ['LU', 'US'], services: ['voice', 'messaging'] },
    asOf: '2024-06-30',
    dataCategories: [
      {
        category: 'subscriber-info',
        collected: 'yes',
        retention: { kind: 'until-event', event: 'account-deletion', after: 'P30D' },
        storageLocations: ['LU'],
        protection: { inTransit: 'transport', atRest: 'provider-managed' },
      },
      {
        category: 'message-content',
        collected: 'yes',
        retention: { kind: 'none' },
        protection: { inTransit: 'end-to-end', atRest: 'end-to-end' },
        interception: [{ party: 'network-operator', capability: 'none' }],
      },
    ],
    legalProcess: { liveInterception: 'not-supported' },
  };
}

export function fixture(name: string): string {
  return readFileSync(path.join(projectRoot, 'test/fixtures', name), 'utf8');
}
