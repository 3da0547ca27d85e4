import type { APIRoute, GetStaticPaths } from 'astro';
import { CITE_FORMATS, citeFile, citeGroups } from '../../lib/cite/files.ts';
import { loadPlan } from '../../lib/plan/load.ts';
import { citeFacts } from './_facts.ts';

/** /cite/<part>.ris|.bib|.csl.json: the citations of /cite/ for reference managers, made at build time. */
export const getStaticPaths = (() => {
  const { plan } = loadPlan();
  return citeGroups(plan).flatMap((group) => CITE_FORMATS.map((format) => ({ params: { file: `${group.name}.${format.ext}` }, props: { group, format } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { group, format } = props as { group: ReturnType<typeof citeGroups>[number]; format: (typeof CITE_FORMATS)[number] };
  const body = citeFile(loadPlan().plan, group, format.ext, citeFacts());
  return new Response(body, { headers: { 'Content-Type': `${format.type}; charset=utf-8` } });
};
