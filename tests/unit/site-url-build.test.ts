import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from './temp.ts';
import { editionDate } from '../../src/config/edition.ts';

// The site built with and without SITE_URL, by `npm run build -- validate 'astro build'` in a
// copy of the repository (steps run alone: no PDFs or Word files, so it stays quick).

const repo = resolve('.');

function sandbox(t: TestContext): string {
  const dir = tempDir(t, 'site-url-');
  for (const entry of ['content', 'src', 'pipeline', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(repo, entry), join(dir, entry), { recursive: true, filter: (src) => !src.includes('/src/generated') });
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function build(dir: string, env: Record<string, string | undefined>) {
  const { SITE_URL: _s, BASE_PATH: _b, ...rest } = process.env;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/build.ts', 'validate', 'astro build'], {
    cwd: dir, encoding: 'utf8', timeout: 240_000,
    // The copy has no git history: it is told the repository's edition date.
    env: { ...rest, EDITION_DATE: editionDate(process.env, repo), ...env },
  });
  assert.equal(result.status, 0, result.stderr);
  return { out: join(dir, '.build', 'partial'), log: result.stdout + result.stderr };
}

/** Every text file of a built site, by path. */
function textFiles(out: string): Map<string, string> {
  const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|xml|txt|json|js|css|svg|ris|bib)$/.test(f));
  return new Map(files.map((f) => [f, readFileSync(join(out, f), 'utf8')]));
}

test('without SITE_URL: no placeholder or local address in any file, no canonical, no sitemap, and the build says so once', (t) => {
  const { out, log } = build(sandbox(t), {});
  assert.equal(log.match(/SITE_URL is not set/g)?.length, 1, log);
  const files = textFiles(out);
  assert.ok(files.size > 30);
  for (const [file, text] of files) {
    assert.doesNotMatch(text, /example\.org|127\.0\.0\.1|localhost/, file);
  }
  const chapter = files.get('chapters/4/index.html')!;
  assert.doesNotMatch(chapter, /rel="canonical"|citation_public_url|citation_pdf_url|DC\.identifier|og:url/);
  assert.match(chapter, /<meta property="og:type" content="website">/);
  assert.doesNotMatch(chapter, /DC\.type|citation_journal_title/);
  assert.equal(existsSync(join(out, 'sitemap-index.xml')), false);
  assert.doesNotMatch(files.get('robots.txt')!, /Sitemap:/);
  assert.doesNotMatch(files.get('cite/chapter-4.ris')!, /^UR {2}- /m);
});

test('SITE_URL and BASE_PATH: every absolute URL uses them (canonical, citation_*, DC.identifier, sitemap, citation files)', (t) => {
  const { out, log } = build(sandbox(t), { SITE_URL: 'https://plan.test', BASE_PATH: '/kjgh/' });
  assert.doesNotMatch(log, /SITE_URL is not set/);
  const files = textFiles(out);
  const chapter = files.get('chapters/4/index.html')!;
  const meta = (name: string) => chapter.match(new RegExp(`<meta (?:name|property)="${name}" content="([^"]+)"`))?.[1];
  assert.equal(chapter.match(/<link rel="canonical" href="([^"]+)"/)?.[1], 'https://plan.test/kjgh/chapters/4/');
  assert.equal(meta('citation_public_url'), 'https://plan.test/kjgh/chapters/4/');
  assert.equal(meta('DC.identifier'), 'https://plan.test/kjgh/chapters/4/');
  assert.equal(meta('og:url'), 'https://plan.test/kjgh/chapters/4/');
  assert.match(meta('citation_pdf_url') ?? '', /^https:\/\/plan\.test\/kjgh\/pdf\/[^"]+\.pdf$/);
  assert.match(files.get('robots.txt')!, /^Sitemap: https:\/\/plan\.test\/kjgh\/sitemap-index\.xml$/m);
  const locs = [...readdirSync(out).filter((f) => /^sitemap-\d+\.xml$/.test(f)).flatMap((f) => [...files.get(f)!.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!))];
  assert.ok(locs.includes('https://plan.test/kjgh/cite/'));
  assert.ok(locs.every((l) => l.startsWith('https://plan.test/kjgh/')), locs.join(' '));
  assert.match(files.get('cite/chapter-4.ris')!, /^UR {2}- https:\/\/plan\.test\/kjgh\/chapters\/4\/#sec-4-4\r$/m);
  const cite = files.get('cite/index.html')!;
  assert.match(cite, /四（三）〔应作（四）〕构建四大创新体系\[EB\/OL\]\. \(\d{4}-\d{2}-\d{2}\)\[<var class="cite-accessed"[^>]*>引用日期<\/var>\]\. https:\/\/plan\.test\/kjgh\/chapters\/4\/#sec-4-4\./);
  for (const [file, text] of files) {
    // Absolute links name only the deployer's origin (a few standards' namespaces aside).
    const foreign = [...text.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('https://plan.test/kjgh/') && !/^https?:\/\/(www\.w3\.org|www\.sitemaps\.org|www\.google\.com\/schemas|json-schema\.org)/.test(u));
    if (file.endsWith('.html') || file.endsWith('.ris') || file.endsWith('.xml')) assert.deepEqual(foreign, [], file);
  }
});
