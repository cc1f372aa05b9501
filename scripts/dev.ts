// `npm run dev`: the author's watch mode. Builds the units into dist/ (or KHIENSO_DIST), serves them at
// http://127.0.0.1:4321/ (KHIENSO_PORT), rebuilds a unit when one of its files changes and reloads the
// browser; problems are shown in the page with file:line. See packaging/dev-server.ts.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDevServer } from '../packaging/dev-server.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dev = await startDevServer({
  root,
  dist: process.env.KHIENSO_DIST ? resolve(process.env.KHIENSO_DIST) : join(root, 'dist'),
  unitsDir: process.env.KHIENSO_UNITS ? resolve(process.env.KHIENSO_UNITS) : undefined,
  frameworksDir: process.env.KHIENSO_FRAMEWORKS ? resolve(process.env.KHIENSO_FRAMEWORKS) : undefined,
  port: process.env.KHIENSO_PORT ? Number(process.env.KHIENSO_PORT) : 4321,
  log: (l) => console.log(l),
});
const stop = () => void dev.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
