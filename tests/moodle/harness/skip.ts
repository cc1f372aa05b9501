import { findMoodleSource } from './source.ts';
import { missingTools } from './tools.ts';

/** Why Moodle cannot run here, or null when it can. */
export async function moodleSkipReason(): Promise<string | null> {
  const src = await findMoodleSource();
  if (typeof src === 'string') return src;
  const missing = missingTools();
  return missing.length ? `missing ${missing.join(', ')}` : null;
}
