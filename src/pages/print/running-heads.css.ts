// Print-only stylesheet with the running heads (linked with media="print" by CitationMeta).
import type { APIRoute } from 'astro';
import { site } from '../../config/site.ts';
import { loadPlan } from '../../lib/plan/load.ts';
import { runningHeadsCss } from '../../lib/print/running-heads.ts';

export const GET: APIRoute = () => {
  const chapters = loadPlan().plan.chapters.map((s) => ({ chapter: s.chapter, heading: s.text }));
  return new Response(runningHeadsCss(site.title, chapters), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
