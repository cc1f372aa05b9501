import { createStandaloneTracker } from '../adapters/standalone.ts';
import { LmsUnavailableError } from '../adapters/scorm12.ts';
import type { RuntimeUnit } from '../runtime-unit.ts';
import { readPageUnit } from '../page-unit.ts';
import type { Tracker } from '../tracker.ts';
import { runPlayer } from '../ui/player.ts';

/**
 * Runs the player with the LMS adapter when an LMS is found and answers, and falls back to standalone
 * mode (progress kept in this browser, with a visible notice) when none is found or it refuses to start.
 */
export async function bootWithLms(createLmsTracker: (unit: RuntimeUnit) => Tracker | null, why?: 'open-elsewhere'): Promise<void> {
  const unit = readPageUnit();
  const lmsTracker = createLmsTracker(unit);
  let failure: string | null = null;
  if (lmsTracker) {
    try {
      await runPlayer(lmsTracker, unit);
      return;
    } catch (e) {
      if (!(e instanceof LmsUnavailableError)) throw e;
      failure = e.message;
    }
  }
  const standalone = createStandaloneTracker(unit.id);
  const running = runPlayer(standalone, unit);
  if (failure) standalone.onNotice?.({ kind: 'launch-failed', detail: failure });
  if (why) standalone.onNotice?.({ kind: why });
  await running;
}
