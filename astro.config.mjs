// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';

// Deploy anywhere: SITE_URL is the public origin (used for canonical URLs, citations and the
// sitemap), BASE_PATH the sub-path the site is served under ("/" for a domain root).
const site = process.env.SITE_URL ?? 'https://qinghai-plan.example.org';
const base = process.env.BASE_PATH ?? '/';

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
  integrations: [mdx({ smartypants: false })],
  // Never inline scripts: the Content-Security-Policy allows scripts from 'self' only.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  prefetch: false,
});
