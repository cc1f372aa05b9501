import type { ChallengeModule } from '../types.ts';
import { appPermissions } from './app-permissions.ts';
import { codeReview } from './code-review.ts';
import { cookieRole } from './cookie-role.ts';
import { fakeLogin } from './fake-login.ts';
import { gradeValidation } from './grade-validation.ts';
import { idorReport } from './idor-report.ts';
import { linkTricks } from './link-tricks.ts';
import { pathTraversal } from './path-traversal.ts';
import { scamShop } from './scam-shop.ts';
import { secretInJs } from './secret-in-js.ts';
import { sqliLogin } from './sqli-login.ts';
import { sqliUnion } from './sqli-union.ts';
import { weakHash } from './weak-hash.ts';
import { xssReflected } from './xss-reflected.ts';
import { xssStored } from './xss-stored.ts';

/** Every challenge's code, by id (texts, points and hints are in curriculum/challenges/<id>/challenge.yaml). */
export const CHALLENGE_MODULES: Record<string, ChallengeModule> = Object.fromEntries([
  scamShop, fakeLogin, appPermissions, linkTricks,
  gradeValidation, secretInJs, sqliLogin, xssReflected, idorReport, cookieRole,
  sqliUnion, xssStored, pathTraversal, weakHash, codeReview,
].map((m) => [m.id, m]));
