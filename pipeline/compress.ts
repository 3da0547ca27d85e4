/**
 * Build step: compress every text file once, at build time, so no server ever compresses per
 * request. Writes <file>.br (Brotli, best quality) and <file>.gz (gzip, level 9) next to each
 * text file of the site; pipeline/serve.ts and nginx (`gzip_static on`) send them as they are.
 *
 *   npx tsx pipeline/compress.ts [outDir]      (default dist/)
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { runCli } from './cli.ts';

/** Text files worth compressing; images, fonts, PDFs and Pagefind's index are compressed already. */
export const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|ris|bib)$/;

/** The precompressed variants, by the Content-Encoding each one is served with. */
export const ENCODINGS = { br: '.br', gzip: '.gz' } as const;
export type Encoding = keyof typeof ENCODINGS;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function textFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && COMPRESSIBLE.test(e.name)).map((e) => join(e.parentPath, e.name));
}

async function compressFile(file: string): Promise<{ raw: number; br: number; gzip: number }> {
  const body = await readFile(file);
  const [br, gzipped] = await Promise.all([
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gz(body, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([writeFile(file + ENCODINGS.br, br), writeFile(file + ENCODINGS.gzip, gzipped)]);
  return { raw: body.length, br: br.length, gzip: gzipped.length };
}

export async function compressSite(outDir: string): Promise<void> {
  const files = await textFiles(outDir);
  // zlib runs on libuv's thread pool; all at once keeps every core busy without a queue of our own.
  const sizes = await Promise.all(files.map(compressFile));
  const total = (key: 'raw' | 'br' | 'gzip') => (sizes.reduce((sum, s) => sum + s[key], 0) / 1024).toFixed(0);
  console.log(`  ${files.length} files: ${total('raw')} KB → brotli ${total('br')} KB, gzip ${total('gzip')} KB`);
}

runCli(import.meta.url, () => compressSite(process.argv[2] ?? 'dist'));
