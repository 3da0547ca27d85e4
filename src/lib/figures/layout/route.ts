import { curveBumpX, line } from 'd3-shape';
import type { GeoArrow } from './geometry.ts';
import { r } from './geometry.ts';

const path = line<[number, number]>().curve(curveBumpX);

/** A smooth left-to-right path through the points, every number rounded to 0.1. */
export function smoothPath(points: [number, number][]): string {
  return path(points.map(([x, y]) => [r(x), r(y)]))!.replace(/(\d+\.\d{2,})/g, (v) => String(r(Number(v))));
}

const HEAD = 7;

/** An arrow from (x1, y1) to (x2, y2), horizontal or vertical, with a filled head at the end. */
export function arrow(x1: number, y1: number, x2: number, y2: number): GeoArrow {
  const horizontal = y1 === y2;
  const sign = horizontal ? Math.sign(x2 - x1) : Math.sign(y2 - y1);
  const [bx, by] = horizontal ? [x2 - sign * HEAD, y2] : [x2, y2 - sign * HEAD];
  const d = `M${r(x1)},${r(y1)}L${r(bx)},${r(by)}`;
  const head = horizontal
    ? `M${r(x2)},${r(y2)}L${r(bx)},${r(y2 - HEAD / 1.6)}L${r(bx)},${r(y2 + HEAD / 1.6)}Z`
    : `M${r(x2)},${r(y2)}L${r(x2 - HEAD / 1.6)},${r(by)}L${r(x2 + HEAD / 1.6)},${r(by)}Z`;
  return { d, head };
}
