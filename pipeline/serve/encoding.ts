/**
 * Which precompressed variant to send, from the request's Accept-Encoding (RFC 9110 §12.5.3):
 * the highest q-value wins, `q=0` refuses, `*` stands for any coding not named, and on a tie the
 * server's order (Brotli, then gzip: smaller first) decides.
 */
import type { Encoding } from '../compress.ts';

function qualities(header: string): Map<string, number> {
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0);
  }
  return q;
}

export function chooseEncoding(acceptEncoding: string | undefined, available: readonly Encoding[]): Encoding | undefined {
  if (!acceptEncoding || !available.length) return undefined;
  const q = qualities(acceptEncoding);
  let best: Encoding | undefined;
  let bestQ = 0;
  for (const encoding of available) {
    const weight = q.get(encoding) ?? q.get('*') ?? 0;
    if (weight > bestQ) { best = encoding; bestQ = weight; }
  }
  return best;
}
