import { bootContest } from '../boot.ts';

/** Contest page without an LMS (a school lab with no server): team code typed, progress in this browser. */
void bootContest(() => null);
