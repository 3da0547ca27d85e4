import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../config/site.ts';
import { editionDate } from '../../config/edition.ts';
import { buildDataFiles } from '../../lib/data/files.ts';

/** /data/<file>: every download, generated at build time from the data that renders the site. */
const files = () => buildDataFiles({ edition: editionDate(), base: import.meta.env.BASE_URL }, site.title);

export const getStaticPaths = (() => files().map((f) => ({ params: { file: f.path } }))) satisfies GetStaticPaths;

const TYPES = { json: 'application/json; charset=utf-8', schema: 'application/schema+json; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

export const GET: APIRoute = ({ params }) => {
  const file = files().find((f) => f.path === params.file)!;
  return new Response(file.body, { headers: { 'Content-Type': TYPES[file.format] } });
};
