import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from './temp.ts';
import { editionDate } from '../../src/config/edition.ts';

// Fault injection: each broken input must stop `npm run build` with a message naming the file
// and the problem, and must leave the previously published dist/ untouched.

const repo = resolve('.');
// The sandbox is a copy without git history, so it is told the edition date the repository has.
const sandboxEnv = { ...process.env, EDITION_DATE: editionDate(process.env, repo) };

function sandbox(t: TestContext): string {
  const dir = tempDir(t, 'build-fault-');
  for (const entry of ['content', 'src', 'pipeline', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(repo, entry), join(dir, entry), { recursive: true, filter: (src) => !src.includes('/src/generated') });
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'published.txt'), 'the last good build');
  return dir;
}

function build(dir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/build.ts'], { cwd: dir, encoding: 'utf8', env: { ...sandboxEnv, ...env }, timeout: 120_000 });
  return { status: result.status, stderr: result.stderr, dist: readdirSync(join(dir, 'dist')) };
}

function edit(dir: string, file: string, change: (text: string) => string) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  assert.notEqual(after, before, `the fault was not injected into ${file}`);
  writeFileSync(path, after);
}

function expectFailure(result: ReturnType<typeof build>, message: RegExp) {
  assert.notEqual(result.status, 0, 'the build must fail');
  assert.match(result.stderr, message);
  assert.deepEqual(result.dist, ['published.txt'], 'dist/ must be left as it was');
}

test('a corrupted source character fails the pinned hash', (t) => {
  const dir = sandbox(t);
  edit(dir, 'content/source/plan.txt', (t) => t.replace('柴达木', '柴达本'));
  expectFailure(build(dir), /error: content\/source\/plan\.txt: SHA-256 is [0-9a-f]{64} but content\/source\/plan\.txt\.sha256 pins/);
});

test('a correction whose quote is missing names the note and the quote', (t) => {
  const dir = sandbox(t);
  edit(dir, 'content/editorial/corrections.yaml', (t) => t.replace('quote: "引、导"', 'quote: "引，导"'));
  expectFailure(build(dir), /error: content\/editorial\/corrections\.yaml: note "typo-yin-dao" → target: quote "引，导" is not found in sec-3-2-4-p1/);
});

test('figure data citing a missing paragraph names the file and the node', (t) => {
  const dir = sandbox(t);
  edit(dir, 'content/figures/fig-02.yaml', (t) => t.replace('label: 硅材料生产工艺技术, source: { id: sec-5-1-1-p3', 'label: 硅材料生产工艺技术, source: { id: sec-5-1-1-p9'));
  expectFailure(build(dir), /error: content\/figures\/fig-02\.yaml: node "silicon-process"[^\n]*sec-5-1-1-p9[^\n]*does not exist/);
});

test('an indicator with a mistyped value names the file and the indicator', (t) => {
  const dir = sandbox(t);
  edit(dir, 'content/indicators/st-personnel.yaml', (text) => text.replace('value: 26500', 'value: 25600'));
  expectFailure(build(dir), /error: content\/indicators\/st-personnel\.yaml: indicator "st-personnel" → target\.value: value 25600 is not a number of the quote/);
});

test('a YAML syntax error names the file, line and column', (t) => {
  const dir = sandbox(t);
  edit(dir, 'content/editorial/corrections.yaml', (t) => t.replace('- id: typo-law-name\n  type: typo', '- id: typo-law-name\n  type: [typo'));
  expectFailure(build(dir), /error: content\/editorial\/corrections\.yaml: line \d+, column \d+: YAML syntax error/);
});

/** A setup problem is one line that says how to fix it: no stack trace, no page of browser logs. */
function expectOneLine(stderr: string, line: RegExp) {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, `expected one line, got:\n${stderr}`);
  assert.match(lines[0]!, line);
}

test('a missing browser fails with the command that installs one', (t) => {
  const dir = sandbox(t);
  const result = build(dir, { CHROMIUM_PATH: '/nonexistent/chromium' });
  expectFailure(result, /Chromium not found at \/nonexistent\/chromium[^\n]*apt-get install/);
  expectOneLine(result.stderr, /^error: Chromium not found at \/nonexistent\/chromium: install it \(apt-get install -y chromium\) or set CHROMIUM_PATH$/);
});

test('a browser that starts and dies gets the same hint as a missing one', (t) => {
  const dir = sandbox(t);
  const result = build(dir, { CHROMIUM_PATH: '/bin/false' });
  expectFailure(result, /Chromium at \/bin\/false did not start/);
  expectOneLine(result.stderr, /^error: Chromium at \/bin\/false did not start \([^\n]+\): install it \(apt-get install -y chromium\) or set CHROMIUM_PATH$/);
});

test('a run of one step never replaces dist/, and says why', (t) => {
  const dir = sandbox(t);
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/build.ts', 'astro build'], { cwd: dir, encoding: 'utf8', env: { ...sandboxEnv, ASTRO_TELEMETRY_DISABLED: '1' }, timeout: 300_000 });
  assert.equal(result.status, 0, result.stderr);
  assert.ok(existsSync(join(dir, '.build/partial/index.html')), 'the step ran and wrote a site');
  assert.deepEqual(readdirSync(join(dir, 'dist')), ['published.txt'], 'dist/ must be left as it was');
  assert.match(result.stdout, /dist\/ left unchanged: only a full build \(npm run build, no step names\) publishes the site/);
});

test('an unknown step name is refused, naming the steps there are', (t) => {
  const dir = sandbox(t);
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/build.ts', 'astro biuld'], { cwd: dir, encoding: 'utf8', env: sandboxEnv });
  assert.notEqual(result.status, 0);
  expectOneLine(result.stderr, /^error: unknown build step "astro biuld"; the steps are "convert", .*"astro build"/);
  assert.deepEqual(readdirSync(join(dir, 'dist')), ['published.txt']);
});

test('the sandbox passes the data steps when nothing is broken (so the faults above are the cause)', (t) => {
  const dir = sandbox(t);
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/build.ts', 'convert', 'validate'], { cwd: dir, encoding: 'utf8', env: sandboxEnv });
  assert.equal(result.status, 0, result.stderr);
});
