/**
 * The print faces (see src/styles/print.css), subset to the characters the built site uses and
 * written to <outDir>/fonts/print/. Subsetting keeps each face to a few hundred KB instead of
 * 7–15 MB, and a single file per face keeps the print stylesheet to five short @font-face rules
 * (the packages' own unicode-range CSS is about 100 KB per weight, which every screen page
 * would download). Subsets are cached in .build/print-fonts by content hash.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';

export interface PrintFace { file: string; source: string }

/** Output name (as print.css refers to it) → the package file it is cut from. */
export const PRINT_FACES: PrintFace[] = [
  { file: 'serif-400.woff2', source: 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf' },
  { file: 'serif-700.woff2', source: 'node_modules/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf' },
  { file: 'sans-400.woff2', source: 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' },
  { file: 'sans-700.woff2', source: 'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf' },
  // Fontsource's "latin" file of LXGW WenKai is the whole font, CJK included.
  { file: 'kai-500.woff2', source: 'node_modules/@fontsource/lxgw-wenkai/files/lxgw-wenkai-latin-500-normal.woff2' },
];

export const PRINT_FONT_DIR = 'fonts/print';
const CACHE = '.build/print-fonts';
/** Characters that print CSS adds as generated content (page numbers, id brackets). */
const GENERATED = '— 0123456789[]-\u2002';

function textFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|css)$/.test(f)).map((f) => join(dir, f));
}

/** Every character in the built HTML and CSS: the site's text is fixed at build time. */
export function siteCharacters(outDir: string): string {
  const chars = new Set<string>(GENERATED);
  for (const file of textFiles(outDir)) for (const ch of readFileSync(file, 'utf8')) if (ch >= ' ') chars.add(ch);
  return [...chars].sort().join('');
}

export async function writePrintFonts(outDir: string): Promise<void> {
  const text = siteCharacters(outDir);
  const dir = join(outDir, PRINT_FONT_DIR);
  mkdirSync(dir, { recursive: true });
  mkdirSync(CACHE, { recursive: true });
  await Promise.all(PRINT_FACES.map(async (face) => {
    if (!existsSync(face.source)) throw new Error(`print font ${face.source} is missing: run npm ci`);
    const source = readFileSync(face.source);
    const key = createHash('sha256').update(source).update(text).digest('hex').slice(0, 16);
    const cached = join(CACHE, `${face.file}.${key}`);
    const data = existsSync(cached) ? readFileSync(cached) : await subsetFont(source, text, { targetFormat: 'woff2' });
    if (!existsSync(cached)) {
      // One cached subset per face: drop the ones cut for an earlier text.
      for (const old of readdirSync(CACHE)) if (old.startsWith(`${face.file}.`)) rmSync(join(CACHE, old));
      writeFileSync(cached, data);
    }
    writeFileSync(join(dir, face.file), data);
  }));
}
