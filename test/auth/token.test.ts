import { describe, expect, it } from '@jest/globals';
import { hashToken, keyIdOf, mintToken, tokenMatches } from '../../src/auth/token.js';

describe('API tokens', () => {
  it('are prefixed, carry their key id and 256 bits of randomness, and are stored only as a hash', () => {
    const { id, token, hash } = mintToken();
    expect(token).toMatch(/^ra_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
    expect(keyIdOf(token)).toBe(id);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token.split('.')[1]);
    expect(new Set(Array.from({ length: 1000 }, () => mintToken().token)).size).toBe(1000);
  });

  it('match only their own hash', () => {
    const a = mintToken();
    const b = mintToken();
    expect(tokenMatches(a.token, a.hash)).toBe(true);
    expect(tokenMatches(b.token, a.hash)).toBe(false);
    expect(tokenMatches(a.token.slice(0, -1) + (a.token.endsWith('A') ? 'B' : 'A'), a.hash)).toBe(false);
    expect(tokenMatches(a.token, '')).toBe(false);
  });

  it('names no key for anything but a well-formed token', () => {
    for (const t of ['', 'ra_', 'Bearer x', 'ra_0123456789abcdef.short', `ra_0123456789ABCDEF.${'a'.repeat(43)}`]) expect(keyIdOf(t)).toBeUndefined();
  });
});
