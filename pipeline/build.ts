/**
 * npm run build: every step that turns content/ into a publishable dist/, timed.
 *
 *   convert → validate → astro build (with sitemap) → PDFs → Word → Pagefind → compress
 *
 * A full build writes a new release folder under .build/releases/ and, only once every step
 * has succeeded, publishes it: dist/ is switched to it in one rename (pipeline/publish.ts), so
 * a failing build never leaves a half-written site and a running server never meets a missing one.
 * Naming steps (`npm run build -- 'astro build'`) runs just those, into .build/partial/, and
 * never publishes: a site missing its PDFs or search index must not replace a whole one.
 * Step timings go to .build/timings.json for `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './cli.ts';
import { DIST, newReleaseDir, publish } from './publish.ts';
import { SetupError } from '../src/lib/errors.ts';
import { deployment, NO_SITE_URL_MESSAGE } from '../src/config/deploy.ts';

/** Where a run of named steps writes; never published. */
export const PARTIAL = '.build/partial';

export interface Step { name: string; run: (outDir: string) => void | Promise<void> }

function sh(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

const node = process.execPath;

export const steps: Step[] = [
  { name: 'convert', run: () => sh(node, ['--import', 'tsx', 'pipeline/convert.ts']) },
  { name: 'validate', run: async () => console.log((await import('./validate.ts')).validateData()) },
  { name: 'astro build', run: (outDir) => sh(node, ['node_modules/astro/bin/astro.mjs', 'build'], { ASTRO_OUT_DIR: outDir }) },
  { name: 'pdf', run: async (outDir) => (await import('./pdf.ts')).renderPdfs(outDir) },
  { name: 'docx', run: async (outDir) => (await import('./docx.ts')).renderDocx(outDir) },
  { name: 'pagefind', run: async (outDir) => (await import('./pagefind.ts')).buildSearchIndex(outDir) },
  // Last: it compresses what every step before it wrote.
  { name: 'compress', run: async (outDir) => (await import('./compress.ts')).compressSite(outDir) },
];

runCli(import.meta.url, async () => {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = only.filter((name) => !steps.some((s) => s.name === name));
  if (unknown.length) throw new SetupError(`unknown build step ${unknown.map((n) => `"${n}"`).join(', ')}; the steps are ${steps.map((s) => `"${s.name}"`).join(', ')}`);
  const partial = only.length > 0;
  // Read (and checked) before anything is built; without SITE_URL every step leaves addresses out.
  if (!deployment().site) console.log(`note: ${NO_SITE_URL_MESSAGE}`);
  // The PDF step needs a browser: find out before anything is written or built.
  if (!partial || only.includes('pdf')) await (await import('./chromium.ts')).checkChromium();
  mkdirSync('.build', { recursive: true });
  if (partial) rmSync(PARTIAL, { recursive: true, force: true });
  const outDir = partial ? PARTIAL : newReleaseDir();
  const timings: Record<string, number> = {};
  const started = performance.now();
  try {
    for (const step of steps) {
      if (partial && !only.includes(step.name)) continue;
      const t0 = performance.now();
      console.log(`\n▶ ${step.name}`);
      await step.run(outDir);
      timings[step.name] = Math.round(performance.now() - t0);
      console.log(`✓ ${step.name} (${(timings[step.name]! / 1000).toFixed(1)} s)`);
    }
  } catch (error) {
    if (!partial) rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  timings.total = Math.round(performance.now() - started);
  writeFileSync(join('.build', 'timings.json'), `${JSON.stringify({ ...timings, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 2)}\n`);
  const seconds = (timings.total / 1000).toFixed(1);
  if (partial) {
    console.log(`\nsteps ${only.join(', ')} done in ${seconds} s → ${PARTIAL}/; ${DIST}/ left unchanged: only a full build (npm run build, no step names) publishes the site`);
    return;
  }
  const { movedAside } = publish(outDir);
  if (movedAside) console.log(`(the old ${DIST}/ folder was moved to ${movedAside}; ${DIST}/ is a link to the current release from now on)`);
  console.log(`\nbuild complete in ${seconds} s → ${DIST}/ (${outDir})`);
});
