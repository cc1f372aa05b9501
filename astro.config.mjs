// Teacher-guide site. Built into <dist>/site by `npm run build` after the units (see scripts/build.ts);
// <dist> is KHIENSO_DIST when set, else ./dist. The integration copies packages and preview players from
// <dist> into the site and makes every URL relative (src/site/integration.ts).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { join } from 'node:path';
import { distDir } from './src/site/dist.ts';
import { khienSoSite } from './src/site/integration.ts';

const dist = distDir();

export default defineConfig({
  outDir: join(dist, 'site'),
  // Every page is a folder with index.html; links are relative (src/site/paths.ts).
  build: { format: 'directory', assets: '_assets', inlineStylesheets: 'always' },
  trailingSlash: 'always',
  integrations: [mdx(), khienSoSite({ dist })],
  devToolbar: { enabled: false },
});
