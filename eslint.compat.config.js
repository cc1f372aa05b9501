// Browser-compatibility lint of the scripts that ship inside lesson packages. tests/unit/compat.test.ts
// builds every runtime bundle and lab script exactly as the packages carry them and lints them with this
// config; any API newer than the oldest browsers the guide promises fails the test.
//   Chrome/Edge 109 (the last on Windows 7/8.1), Firefox ESR 115, Safari 14.1 (macOS/iPadOS of school devices).
import compat from 'eslint-plugin-compat';

/** The browserslist of the oldest supported browsers. */
export const BROWSERSLIST = ['chrome >= 109', 'edge >= 109', 'firefox >= 115', 'safari >= 14.1', 'ios_saf >= 14.5'];

/**
 * Instance methods eslint-plugin-compat cannot see (it does not know the type of `x` in `x.at(-1)`), newer
 * than the targets: Array/String.prototype.at and findLast/findLastIndex (Safari 15.4), the copying array
 * methods (Chrome 110, Safari 16).
 */
const NEWER_METHODS = [
  ['at', 'Safari 15.4'], ['findLast', 'Safari 15.4'], ['findLastIndex', 'Safari 15.4'],
  ['toSorted', 'Chrome 110, Safari 16'], ['toReversed', 'Chrome 110, Safari 16'], ['toSpliced', 'Chrome 110, Safari 16'],
];

export default [
  {
    files: ['**/*.js'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'script' },
    plugins: { compat },
    settings: { browsers: BROWSERSLIST, lintAllEsApis: true },
    rules: {
      'compat/compat': 'error',
      'no-restricted-properties': ['error', ...NEWER_METHODS.map(([property, since]) => ({ property, message: `.${property}() needs ${since}; supported browsers: ${BROWSERSLIST.join(', ')}` }))],
    },
  },
  {
    // The secure-coding lab ships a shim for the two views sql.js creates at start-up (src/labs/sql/engine.ts),
    // and so does the contest page's SQLite part.
    files: ['**/lab-sql.js', '**/lazy/sql.js'],
    settings: { polyfills: ['BigInt64Array', 'BigUint64Array'] },
  },
];
