import type { ChallengeSolution } from '../types.ts';
import { appPermissionsSolution } from './app-permissions.ts';
import { codeReviewSolution } from './code-review.ts';
import { cookieRoleSolution } from './cookie-role.ts';
import { fakeLoginSolution } from './fake-login.ts';
import { gradeValidationSolution } from './grade-validation.ts';
import { idorReportSolution } from './idor-report.ts';
import { linkTricksSolution } from './link-tricks.ts';
import { pathTraversalSolution } from './path-traversal.ts';
import { scamShopSolution } from './scam-shop.ts';
import { secretInJsSolution } from './secret-in-js.ts';
import { sqliLoginSolution } from './sqli-login.ts';
import { sqliUnionSolution } from './sqli-union.ts';
import { weakHashSolution } from './weak-hash.ts';
import { xssReflectedSolution } from './xss-reflected.ts';
import { xssStoredSolution } from './xss-stored.ts';

/** Reference solutions and naive attempts by challenge id (Node only: tests and the organiser kit). */
export const SOLUTIONS: Record<string, ChallengeSolution> = {
  'scam-shop': scamShopSolution, 'fake-login': fakeLoginSolution, 'app-permissions': appPermissionsSolution, 'link-tricks': linkTricksSolution,
  'grade-validation': gradeValidationSolution, 'secret-in-js': secretInJsSolution, 'sqli-login': sqliLoginSolution, 'xss-reflected': xssReflectedSolution,
  'idor-report': idorReportSolution, 'cookie-role': cookieRoleSolution, 'sqli-union': sqliUnionSolution, 'xss-stored': xssStoredSolution,
  'path-traversal': pathTraversalSolution, 'weak-hash': weakHashSolution, 'code-review': codeReviewSolution,
};
