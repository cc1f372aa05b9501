// Browser-compatibility lint of the scripts that ship inside lesson packages (tests/unit/compat.test.ts
// lints the built bundles with it). The targets are the oldest browsers the guide promises: Chrome/Edge 109
// (last on Windows 7), Firefox ESR 115, Safari 14.1 (iPadOS/macOS of school devices).
import compat from 'eslint-plugin-compat';

export const BROWSERSLIST = ['chrome >= 109', 'edge >= 109', 'firefox >= 115', 'safari >= 14.1', 'ios_saf >= 14.5'];

export default [
  {
    files: ['**/*.js'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'script', globals: {} },
    plugins: { compat },
    settings: { browsers: BROWSERSLIST, lintAllEsApis: true },
    rules: { 'compat/compat': 'error' },
  },
];
