import type { APIRoute, GetStaticPaths } from 'astro';
import { figures, figureSvg } from '../../lib/figures/catalog.ts';

/** /figures/N.svg: the figure as a file of its own (light colours, caption and legend drawn in). */
export const getStaticPaths = (() => [...figures().values()].map((f) => ({ params: { n: String(f.n) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const figure = figures().get(Number(params.n))!;
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${figureSvg(figure, { standalone: true })}\n`, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
