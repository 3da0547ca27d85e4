import { z } from 'astro/zod';
import { COMPARATOR_NAMES } from './comparators.ts';

/**
 * One quantitative target of 三（三）主要目标, as the text states it: content/indicators/<id>.yaml
 * (the file name is the id). The schema checks shape only; whether the quote is in the cited
 * paragraph and the typed numbers are in the quote is checked against the parsed plan in check.ts.
 * The group (科技创新投入 …) is not typed: it is the label of the paragraph the target cites.
 */

/** A paragraph of the plan: sec-3-3-p2, sec-1-3-p1. */
const PARAGRAPH_ID = /^(preamble|sec(-\d+)+)-p\d+$/;

export const indicatorSourceSchema = z
  .object({
    id: z.string().regex(PARAGRAPH_ID, 'must be a paragraph id such as sec-3-3-p2'),
    quote: z.string().min(1, 'must quote the original text exactly'),
  })
  .strict();

export const targetSchema = z
  .object({
    /** The number as printed (1.5 for "1.5%", 26500 for "26500人"); 亿/万 may also be written out. */
    value: z.number().positive(),
    /** The text's own words around the number, "…" standing for it: 达到…以上, 由…增加到…. */
    comparator: z.enum(COMPARATOR_NAMES),
    /** The year the target is set for, as the text states it (到2015年). */
    year: z.number().int().min(2011).max(2100),
    source: indicatorSourceSchema,
  })
  .strict();

export const baselineSchema = z
  .object({
    value: z.number().nonnegative(),
    /** The unit as printed where it differs from the indicator's ("高新技术企业38个" against "100家"). */
    unit: z.string().min(1).optional(),
    /** The text's own words for when ("2009年", "“十一五”末"); omitted where the text gives none. */
    when: z.string().min(1).optional(),
    source: indicatorSourceSchema,
  })
  .strict();

export const indicatorSchema = z
  .object({
    /** What is measured, in the text's words as far as they go. */
    name: z.string().min(1),
    /** The unit of the target as printed: "%", "人", "家", "个", "名". */
    unit: z.string().min(1),
    target: targetSchema,
    /** Only where the text states a starting point. */
    baseline: baselineSchema.optional(),
    /** The editor's remark, in Chinese, shown with the indicator. */
    note: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((indicator, ctx) => {
    if (indicator.target.comparator === '由…增加到…' && !indicator.baseline) {
      ctx.addIssue({ code: 'custom', path: ['baseline'], message: 'a target worded 由…增加到… states its starting point: give it as baseline' });
    }
  });

export type IndicatorSource = z.infer<typeof indicatorSourceSchema>;
export type IndicatorData = z.infer<typeof indicatorSchema>;
export type TargetData = z.infer<typeof targetSchema>;
export type BaselineData = z.infer<typeof baselineSchema>;
