import type { APIRoute, GetStaticPaths } from 'astro';
import { figures, figureSvg, variants } from '../../../lib/figures/catalog.ts';
import type { Variant } from '../../../lib/figures/drawings.ts';

/**
 * /figures/N/wide.svg (and /figures/1/narrow.svg): the drawing exactly as /figures/N/ inlines it.
 * Chapter pages and /plan/ show it as an image and swap in its markup near the viewport
 * (src/lib/figures/drawings.ts, src/client/figures.ts). This route's shape is drawingPath()'s;
 * the pages link the files through drawingPath(), so a mismatch is a broken image in the tests.
 */
export const getStaticPaths = (() => [...figures().values()].flatMap((f) => variants(f).map((variant) => ({ params: { n: String(f.n), variant } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const figure = figures().get(Number(params.n))!;
  return new Response(`${figureSvg(figure, { variant: params.variant as Variant })}\n`, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
