import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Fault injection: each broken input must stop `npm run build` with a message naming the file
// and the problem, and must leave the previously published dist/ untouched.

const repo = resolve('.');

function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'build-fault-'));
  for (const entry of ['content', 'src', 'pipeline', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(repo, entry), join(dir, entry), { recursive: true, filter: (src) => !src.includes('/src/generated') });
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'published.txt'), 'the last good build');
  return dir;
}

function build(dir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/build.ts'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
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

test('a corrupted source character fails the pinned hash', () => {
  const dir = sandbox();
  edit(dir, 'content/source/plan.txt', (t) => t.replace('柴达木', '柴达本'));
  expectFailure(build(dir), /error: content\/source\/plan\.txt: SHA-256 is [0-9a-f]{64} but content\/source\/plan\.txt\.sha256 pins/);
});

test('a correction whose quote is missing names the note and the quote', () => {
  const dir = sandbox();
  edit(dir, 'content/editorial/corrections.yaml', (t) => t.replace('quote: "引、导"', 'quote: "引，导"'));
  expectFailure(build(dir), /error: content\/editorial\/corrections\.yaml: note "typo-yin-dao" → target: quote "引，导" is not found in sec-3-2-4-p1/);
});

test('figure data citing a missing paragraph names the file and the node', () => {
  const dir = sandbox();
  edit(dir, 'content/figures/fig-02.yaml', (t) => t.replace('label: 硅材料生产工艺技术, source: { id: sec-5-1-1-p3', 'label: 硅材料生产工艺技术, source: { id: sec-5-1-1-p9'));
  expectFailure(build(dir), /error: content\/figures\/fig-02\.yaml: node "silicon-process"[^\n]*sec-5-1-1-p9[^\n]*does not exist/);
});

test('an indicator with a mistyped value names the file and the indicator', () => {
  const dir = sandbox();
  edit(dir, 'content/indicators/st-personnel.yaml', (t) => t.replace('value: 26500', 'value: 25600'));
  expectFailure(build(dir), /error: content\/indicators\/st-personnel\.yaml: indicator "st-personnel" → target\.value: value 25600 is not a number of the quote/);
});

test('a YAML syntax error names the file, line and column', () => {
  const dir = sandbox();
  edit(dir, 'content/editorial/corrections.yaml', (t) => t.replace('- id: typo-law-name\n  type: typo', '- id: typo-law-name\n  type: [typo'));
  expectFailure(build(dir), /error: content\/editorial\/corrections\.yaml: line \d+, column \d+: YAML syntax error/);
});

test('a missing browser fails with the command that installs one', () => {
  const dir = sandbox();
  expectFailure(build(dir, { CHROMIUM_PATH: '/nonexistent/chromium' }), /Chromium not found at \/nonexistent\/chromium[^\n]*apt-get install/);
});

test('the sandbox passes the data steps when nothing is broken (so the faults above are the cause)', () => {
  const dir = sandbox();
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/build.ts', 'convert', 'validate'], { cwd: dir, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});
