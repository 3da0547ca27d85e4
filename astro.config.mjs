// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { deployment } from './src/config/deploy.ts';

// Deploy anywhere: see src/config/deploy.ts for SITE_URL and BASE_PATH. Without SITE_URL the
// site has no address of its own, so there is no sitemap (it can only list absolute URLs).
const { site, base } = deployment();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // pipeline/build.ts builds into a staging folder and only swaps it into dist/ when every step
  // (search index, PDFs) has succeeded, so a failed build never leaves a half-written site.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The plan's text must come through character for character: no smart quotes or dashes.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  // The sitemap lists the pages Astro built (the 404 page is left out by the integration).
  integrations: [mdx({ smartypants: false }), ...(site ? [sitemap()] : [])],
  // Never inline scripts: the Content-Security-Policy allows scripts from 'self' only.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  prefetch: false,
});
