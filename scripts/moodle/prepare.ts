// Installs the test Moodle into its machine-local cache (once per Moodle source), so the Moodle tests start in
// seconds. `npm test` starts it beside the other tests; running it by hand is optional.
import { findMoodleSource } from '../../tests/moodle/harness/source.ts';
import { ensureInstalled } from '../../tests/moodle/harness/site.ts';
import { missingTools } from '../../tests/moodle/harness/tools.ts';

const src = await findMoodleSource();
if (typeof src === 'string') {
  console.log(`[moodle] skipped: ${src}`);
} else if (missingTools().length) {
  console.log(`[moodle] skipped: missing ${missingTools().join(', ')}`);
} else {
  await ensureInstalled(src);
  console.log(`[moodle] ready: ${src.cacheDir}`);
}
