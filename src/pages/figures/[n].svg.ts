import type { APIRoute, GetStaticPaths } from 'astro';
import { figures, figureSvg } from '../../lib/figures/catalog.ts';

/** /figures/N.svg: the figure as a file of its own (light colours, caption and legend drawn in). */
export const getStaticPaths = (() => [...figures().values()].filter((f) => figureSvg(f, true)).map((f) => ({ params: { n: String(f.n) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const figure = figures().get(Number(params.n))!;
  const svg = figureSvg(figure, true)!;
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg.includes('xmlns=') ? svg : svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"')}\n`, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
