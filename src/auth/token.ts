import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tokens look like `ra_<key id>.<secret>`: the key id lets the server find the stored
 * hash without searching, the 256-bit secret makes guessing hopeless. The `ra_` prefix
 * lets secret scanners recognise a leaked token.
 */
const TOKEN = /^ra_([0-9a-f]{16})\.[A-Za-z0-9_-]{43}$/;

export interface MintedToken {
  id: string;
  token: string;
  hash: string;
}

export function hashToken(token: string): string {
  return 'sha256:' + createHash('sha256').update(token, 'utf8').digest('hex');
}

export function mintToken(): MintedToken {
  const idHex = randomBytes(8).toString('hex');
  const token = `ra_${idHex}.${randomBytes(32).toString('base64url')}`;
  return { id: `key_${idHex}`, token, hash: hashToken(token) };
}

/** The key id a well-formed token names, or undefined for anything else. */
export function keyIdOf(token: string): string | undefined {
  const match = TOKEN.exec(token);
  return match ? `key_${match[1]}` : undefined;
}

/** Compares a presented token with a stored hash in time independent of where they differ. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token));
  const stored = Buffer.from(storedHash);
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
