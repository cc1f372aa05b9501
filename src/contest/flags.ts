import { hmacHex } from './sha256.ts';

/** Every flag looks like KS{<challenge>-<12 hex>}. */
export const FLAG_PATTERN = /^KS\{[a-z0-9-]+-[0-9a-f]{12}\}$/;

/**
 * The flag of one challenge for one player (learner or team): HMAC-SHA-256 of "<challenge>:<player>" under
 * the contest seed, so two teams never have the same flag and a flag passed on to another team is refused.
 * The player id is normalised (trimmed, lower case) so "Đội 3" and " đội 3 " are the same team.
 */
export function deriveFlag(seed: string, challengeId: string, playerId: string): string {
  const player = normalisePlayer(playerId);
  return `KS{${challengeId}-${hmacHex(seed, `${challengeId}:${player}`).slice(0, 12)}}`;
}

export function normalisePlayer(id: string): string {
  return id.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Whether what the player typed is their flag (surrounding spaces and letter case forgiven). */
export function checkFlag(seed: string, challengeId: string, playerId: string, submitted: string): boolean {
  const expected = deriveFlag(seed, challengeId, playerId);
  const s = submitted.trim();
  return s.length === expected.length && s.toLowerCase() === expected.toLowerCase();
}
