import { z } from 'astro/zod';
import { KEBAB_CASE } from '../plan/ids.ts';
import { DOMAIN_LAYER_KEYS, layerKeysOf, OVERVIEW_LAYER_KEYS, TECHNOLOGY_KINDS } from './grammar.ts';

/**
 * The data behind the plan's twelve omitted figures ("图N（略）"). The print gives only the
 * placeholder, so every figure is rebuilt from the plan's own words: each node quotes the
 * paragraph (or key technology, or heading) it comes from. Which columns exist is not data: the
 * grammar (grammar.ts) fixes them for every figure. The schema checks shape only; whether the
 * quotes really are in the plan, and what each link rests on, is checked in provenance.ts.
 */

/** The layers whose meaning the checks rely on (see grammar.ts for all of them). */
export const CATEGORY_LAYER = 'category';
export const TECHNOLOGY_LAYER = 'technology';
export const KT_LAYER = 'kt';

/** Paragraph ids (sec-5-1-1-p4), key technology ids (kt-1) or section ids (sec-4-4-1, headings). */
const sourceIdPattern = /^(sec(-\d+)+(-p\d+)?|kt-\d+)$/;

export const sourceSchema = z
  .object({
    id: z.string().regex(sourceIdPattern, 'must be a plan id such as sec-5-1-1-p4, kt-12 or sec-4-4-1'),
    quote: z.string().min(1, 'must quote the original text exactly'),
  })
  .strict();

export const nodeSchema = z
  .object({
    id: z.string().regex(KEBAB_CASE, 'must be lower-case kebab-case'),
    layer: z.string().min(1),
    /**
     * The text shown. Always a substring of source.quote (for key technologies: of the key
     * technology's title), so a reader can find it in the plan word for word.
     */
    label: z.string().min(1),
    /** A second line under the label (图1: the 2015 figure of a target); also a substring of the quote. */
    detail: z.string().min(1).optional(),
    /** In the 研发内容 column: what the text names, when it is not a technology (a product, a resource, a project). */
    kind: z.enum(TECHNOLOGY_KINDS).optional(),
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

/**
 * A link rests on one of three grounds, decided by the build (provenance.ts), never typed:
 * a sentence that names both ends (`source`), wording the two ends share (computed), or the
 * editor's judgement (`reason`, required when neither of the others holds).
 */
export const linkSchema = z
  .object({
    from: z.string().min(1),
    to: z.string().min(1),
    /** The sentence that states the link: its quote must name both ends. */
    source: sourceSchema.optional(),
    /** For a judgement: one line, in Chinese, saying why the editor links the two. */
    reason: z.string().min(1).optional(),
    /** Anything else a reader should know about the link (e.g. the two texts disagree on a number). */
    note: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((link, ctx) => {
    if (link.source && link.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a link with a source is stated by the text; it needs no reason' });
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
    count: countSchema.optional(),
    nodes: z.array(nodeSchema).min(1),
    links: z.array(linkSchema),
  })
  .strict()
  .superRefine((figure, ctx) => {
    if (figure.id !== `fig-${figure.n}`) ctx.addIssue({ code: 'custom', path: ['n'], message: `n is ${figure.n} but id is ${figure.id}` });
    if (figure.n !== 1 && !figure.count) ctx.addIssue({ code: 'custom', path: ['count'], message: 'a domain figure must give the categories and items the text states' });
    const allowed = layerKeysOf(figure.n);
    figure.nodes.forEach((node, i) => {
      if (!allowed.includes(node.layer)) {
        ctx.addIssue({ code: 'custom', path: ['nodes', i, 'layer'], message: `must be one of ${allowed.join(', ')} (${figure.n === 1 ? 'the overall roadmap' : 'a domain figure'})` });
      }
      if (node.kind && node.layer !== TECHNOLOGY_LAYER) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'kind'], message: `only nodes of the "${TECHNOLOGY_LAYER}" layer have a kind` });
    });
  });

export { DOMAIN_LAYER_KEYS, OVERVIEW_LAYER_KEYS };
export type FigureSource = z.infer<typeof sourceSchema>;
export type FigureNode = z.infer<typeof nodeSchema>;
export type FigureLink = z.infer<typeof linkSchema>;
export type FigureCount = z.infer<typeof countSchema>;
export type FigureData = z.infer<typeof figureSchema>;
