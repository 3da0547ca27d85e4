import { z } from 'astro/zod';
import { DataError } from '../errors.ts';
import { parseWithFriendlyErrors, parseYamlFile } from '../validate.ts';
import { KEBAB_CASE, PLAN_ID } from './ids.ts';

export const CORRECTIONS_FILE = 'content/editorial/corrections.yaml';

/** What kind of editorial intervention a note records. Labels are what readers see. */
export const correctionTypes = {
  numbering: '编号错误',
  'numbering-gap': '编号缺失',
  typo: '文字错误',
  'misplaced-footnote': '注释错位',
  'missing-footnote': '注释缺失',
  inconsistency: '前后不一',
  'heading-split': '标题与正文相连',
} as const;

export type CorrectionType = keyof typeof correctionTypes;

const targetSchema = z.object({
  id: z.string().regex(PLAN_ID, 'must be a plan id such as sec-4-3-1-10, sec-1-1-p3 or kt-12'),
  quote: z.string().min(1, 'must quote the original text exactly'),
});

export const correctionSchema = z
  .object({
    id: z.string().regex(KEBAB_CASE, 'must be lower-case kebab-case'),
    type: z.enum(Object.keys(correctionTypes) as [CorrectionType, ...CorrectionType[]]),
    target: targetSchema,
    /** The corrected reading, where one exists ("（四）", "自主知识产权"). */
    reading: z.string().min(1).optional(),
    /** For a missing footnote: the editor-supplied footnote text (a misplaced one reuses its quote). */
    footnote: z.string().min(1).optional(),
    /** For misplaced footnotes: where the footnote belongs. */
    anchor: targetSchema.optional(),
    /** The editor's explanation, in Chinese, shown on the page and on /errata/. */
    note: z.string().min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.type === 'numbering' && !c.reading) ctx.addIssue({ code: 'custom', path: ['reading'], message: 'a numbering correction needs the corrected number as reading' });
    if (c.type === 'heading-split' && !c.target.quote.includes('|')) ctx.addIssue({ code: 'custom', path: ['target', 'quote'], message: 'mark the split point with "|"' });
    if (c.type === 'missing-footnote' && !c.footnote) ctx.addIssue({ code: 'custom', path: ['footnote'], message: 'a missing footnote needs the editor-supplied footnote text' });
    if (c.type === 'misplaced-footnote' && !c.anchor) ctx.addIssue({ code: 'custom', path: ['anchor'], message: 'a misplaced footnote needs the anchor where it belongs' });
  });

export type Correction = z.infer<typeof correctionSchema>;

export function parseCorrections(yamlText: string, file = CORRECTIONS_FILE): Correction[] {
  const data = parseYamlFile(yamlText, file);
  const list = parseWithFriendlyErrors(z.array(correctionSchema), data ?? [], file, (path) => {
    const index = path[0];
    const entry = typeof index === 'number' && Array.isArray(data) ? (data[index] as { id?: string } | undefined) : undefined;
    const rest = path.slice(1).map(String).join('.');
    return `${entry?.id ? `note "${entry.id}"` : `entry [${String(index)}]`}${rest ? ` → ${rest}` : ''}`;
  });
  const seen = new Set<string>();
  for (const c of list) {
    if (seen.has(c.id)) throw new DataError(file, `note "${c.id}"`, 'duplicate note id');
    seen.add(c.id);
  }
  return list;
}
