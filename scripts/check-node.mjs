// Astro 7 needs Node >= 22.12. The project pins Node through the `node` devDependency, which npm scripts
// put first on PATH; this check fails loudly if that pinned binary is missing (e.g. `npm ci --ignore-scripts`).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Node ${process.versions.node} is too old: Astro 7 needs Node >= 22.12.\n` +
      'Run `npm ci` (without --ignore-scripts) so the pinned Node from the `node` devDependency is installed,\n' +
      'then use the npm scripts (`npm run build`, `npm test`), which put it first on PATH.',
  );
  process.exit(1);
}
