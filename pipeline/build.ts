/**
 * npm run build: every step that turns content/ into a publishable dist/, timed.
 *
 *   convert → validate → diagrams (Mermaid in Chromium) → astro build (with sitemap) → PDFs → Word → Pagefind
 *
 * Astro writes into a staging folder (.build/dist); dist/ is replaced only after every step
 * has succeeded, so a failing build never leaves a half-written site behind.
 * Step timings go to .build/timings.json for `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './cli.ts';

export const STAGING = '.build/dist';
export const DIST = 'dist';

export interface Step { name: string; run: (outDir: string) => void | Promise<void> }

function sh(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

const node = process.execPath;

export const steps: Step[] = [
  { name: 'convert', run: () => sh(node, ['--import', 'tsx', 'pipeline/convert.ts']) },
  { name: 'validate', run: async () => console.log((await import('./validate.ts')).validateData()) },
  { name: 'diagrams', run: async () => (await import('./diagrams.ts')).renderDiagrams() },
  { name: 'astro build', run: (outDir) => sh(node, ['node_modules/astro/bin/astro.mjs', 'build'], { ASTRO_OUT_DIR: outDir }) },
  { name: 'pdf', run: async (outDir) => (await import('./pdf.ts')).renderPdfs(outDir) },
  { name: 'docx', run: async (outDir) => (await import('./docx.ts')).renderDocx(outDir) },
  { name: 'pagefind', run: async (outDir) => (await import('./pagefind.ts')).buildSearchIndex(outDir) },
];

runCli(import.meta.url, async () => {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  rmSync(STAGING, { recursive: true, force: true });
  mkdirSync('.build', { recursive: true });
  const timings: Record<string, number> = {};
  const started = performance.now();
  for (const step of steps) {
    if (only.length && !only.includes(step.name)) continue;
    const t0 = performance.now();
    console.log(`\n▶ ${step.name}`);
    await step.run(STAGING);
    timings[step.name] = Math.round(performance.now() - t0);
    console.log(`✓ ${step.name} (${(timings[step.name]! / 1000).toFixed(1)} s)`);
  }
  timings.total = Math.round(performance.now() - started);
  if (existsSync(STAGING)) {
    rmSync(DIST, { recursive: true, force: true });
    renameSync(STAGING, DIST);
  }
  writeFileSync(join('.build', 'timings.json'), `${JSON.stringify({ ...timings, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 2)}\n`);
  console.log(`\nbuild complete in ${(timings.total / 1000).toFixed(1)} s → ${DIST}/`);
});
