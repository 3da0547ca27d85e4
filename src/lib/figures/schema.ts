import { z } from 'astro/zod';
import { KEBAB_CASE } from '../plan/ids.ts';

/**
 * The data behind the plan's twelve omitted figures ("图N（略）"). The print gives only the
 * placeholder, so every figure is rebuilt from the plan's own words: each node quotes the
 * paragraph (or key technology, or heading) it comes from, and anything the editor had to
 * decide rather than read is flagged `inferred`. The schema checks shape only; whether the
 * quotes really are in the plan is checked against the parsed plan in provenance.ts.
 */

/** The layers a domain figure's structure depends on: its categories and the 重大关键技术 (五（二）). */
export const CATEGORY_LAYER = 'category';
export const KT_LAYER = 'kt';

/** Paragraph ids (sec-5-1-1-p4), key technology ids (kt-1) or section ids (sec-4-4-1, headings). */
const sourceIdPattern = /^(sec(-\d+)+(-p\d+)?|kt-\d+)$/;

export const sourceSchema = z
  .object({
    id: z.string().regex(sourceIdPattern, 'must be a plan id such as sec-5-1-1-p4, kt-12 or sec-4-4-1'),
    quote: z.string().min(1, 'must quote the original text exactly'),
  })
  .strict();

export const layerSchema = z
  .object({
    key: z.string().regex(KEBAB_CASE, 'must be lower-case kebab-case'),
    /** The column heading readers see (重点方向, 关键技术 …). */
    label: z.string().min(1),
  })
  .strict();

export const nodeSchema = z
  .object({
    id: z.string().regex(KEBAB_CASE, 'must be lower-case kebab-case'),
    layer: z.string().min(1),
    /**
     * The text shown. Always a substring of source.quote (for key technologies: of the key
     * technology's title), so a reader can find it in the plan word for word. Required even on
     * key technology nodes so the renderer never has to reach back into the plan for a label.
     */
    label: z.string().min(1),
    /** A second line under the label (fig-1: the 2015 figure of a target); also a substring of the quote. */
    detail: z.string().min(1).optional(),
    source: sourceSchema,
    /** For nodes in the `kt` layer: which of the 40 重大关键技术 (五（二）) this is. */
    kt: z.number().int().min(1).optional(),
    /** Only where the text states a number of items for this node. */
    items: z.number().int().positive().optional(),
    /** The node is the editor's reading, e.g. one part of a list split to match the stated count. */
    inferred: z.boolean().optional(),
    /** The editor's reason, in Chinese, for an inferred node. */
    note: z.string().min(1).optional(),
  })
  .strict();

export const linkSchema = z
  .object({
    from: z.string().min(1),
    to: z.string().min(1),
    /** true: the editor's judgement; false: one sentence of the text relates the two ends. */
    inferred: z.boolean(),
    /** The sentence that states the link; required when inferred is false. */
    source: sourceSchema.optional(),
    note: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((link, ctx) => {
    if (!link.inferred && !link.source) {
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'a link that is not inferred must cite the sentence that states it' });
    }
  });

export const countSchema = z
  .object({
    /** "五大类" as a number: how many categories the text says the domain has. */
    categories: z.number().int().positive(),
    /** "18项": the total of key technologies the text gives; shown as a total, never as invented items. */
    items: z.number().int().positive(),
    /** The words that state both numbers, e.g. "五大类18项". */
    source: sourceSchema,
  })
  .strict();

export const figureSchema = z
  .object({
    id: z.string().regex(/^fig-[1-9]\d*$/, 'must be fig-N, e.g. fig-2'),
    n: z.number().int().positive(),
    caption: z.string().min(1),
    domain: z.string().min(1),
    section: z.string().regex(/^sec(-\d+)+$/, 'must be a section id such as sec-5-1-1'),
    period: z.tuple([z.number().int(), z.number().int()]),
    renderer: z.enum(['d3', 'mermaid']),
    count: countSchema.optional(),
    layers: z.array(layerSchema).min(1),
    nodes: z.array(nodeSchema).min(1),
    links: z.array(linkSchema),
  })
  .strict()
  .superRefine((figure, ctx) => {
    if (figure.id !== `fig-${figure.n}`) ctx.addIssue({ code: 'custom', path: ['n'], message: `n is ${figure.n} but id is ${figure.id}` });
    if (figure.period[0] > figure.period[1]) ctx.addIssue({ code: 'custom', path: ['period'], message: 'must be [first year, last year]' });
    // 图1 is the overall roadmap (a flow of ideas, drawn by mermaid); 图2–图12 are the domain roadmaps (d3 columns).
    const expected = figure.n === 1 ? 'mermaid' : 'd3';
    if (figure.renderer !== expected) ctx.addIssue({ code: 'custom', path: ['renderer'], message: `must be ${expected} for ${figure.id}` });
    if (figure.n !== 1 && !figure.count) ctx.addIssue({ code: 'custom', path: ['count'], message: 'a domain figure must give the categories and items the text states' });
  });

export type FigureSource = z.infer<typeof sourceSchema>;
export type FigureLayer = z.infer<typeof layerSchema>;
export type FigureNode = z.infer<typeof nodeSchema>;
export type FigureLink = z.infer<typeof linkSchema>;
export type FigureCount = z.infer<typeof countSchema>;
export type FigureData = z.infer<typeof figureSchema>;
