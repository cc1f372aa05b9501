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
  // Content-Security-Policy in every page (a <meta>; Astro adds the hashes of its own scripts): no inline
  // script or handler and no script from another origin, as in the lesson player (packaging/player-page.ts).
  // Inline styles stay allowed (chart and table sizing); frames only from the site itself (the preview).
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "frame-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
});
