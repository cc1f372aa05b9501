// Teacher-guide site. Built into dist/site by `npm run build` after the units (see scripts/build.ts).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  outDir: './dist/site',
  // Relative-friendly output: every page is a folder with index.html, links are relative.
  build: { format: 'directory', assets: '_assets' },
  trailingSlash: 'always',
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
