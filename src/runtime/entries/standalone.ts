import { createStandaloneTracker } from '../adapters/standalone.ts';
import { runPlayer } from '../ui/player.ts';

/** Standalone lesson page: no LMS, progress kept in this browser. */
const unitId = document.getElementById('ks-unit')?.dataset.unit ?? 'unit';
void runPlayer(createStandaloneTracker(unitId));
