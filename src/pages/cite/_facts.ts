import { deployment } from '../../config/deploy.ts';
import { editionDate } from '../../config/edition.ts';
import { notice, site } from '../../config/site.ts';
import type { CiteFileFacts } from '../../lib/cite/files.ts';

/** The facts every citation of /cite/ is made from: site.ts, edition.ts and deploy.ts, read once. */
let cached: (CiteFileFacts & { edition: string }) | undefined;

export function citeFacts(): CiteFileFacts & { edition: string } {
  if (cached) return cached;
  const { site: origin } = deployment();
  const edition = editionDate();
  cached = { bib: site, base: import.meta.env.BASE_URL, origin, edition, note: `${notice.short}版本日期：${edition}。` };
  return cached;
}
