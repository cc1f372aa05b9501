import { describe, expect, it } from 'vitest';
import { createHash, createHmac } from 'node:crypto';
import { hmacHex, sha256Hex } from '../../src/contest/sha256.ts';

describe('the contest\'s own SHA-256 and HMAC (used where browsers hide crypto.subtle: plain-http school LANs)', () => {
  const inputs = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), 'Đội 3 – lớp 10A2 🎓', 'sqli-login:hs-10a2-07'];
  it('matches Node\'s crypto for SHA-256, including lengths at block boundaries and Unicode', () => {
    for (const s of inputs) expect(sha256Hex(s), JSON.stringify(s.slice(0, 20))).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
  });
  it('matches Node\'s crypto for HMAC-SHA-256, with short and long (> 64 byte) keys', () => {
    for (const key of ['', 'k', 'khien-so-practice-seed-v1', 'K'.repeat(100)]) for (const s of inputs) {
      expect(hmacHex(key, s)).toBe(createHmac('sha256', key).update(s, 'utf8').digest('hex'));
    }
  });
});
