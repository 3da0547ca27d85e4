import { correctionTypes, type Correction } from '../plan/corrections.ts';

/**
 * What a Word footnote says for an editorial note. It means what the site's note list says
 * (src/components/plan/ChapterNotes.astro and Note.astro): a footnote the original lacked or
 * misplaced comes first under its own label, then the editor's note under 编者注 and the kind of
 * note. The corrected reading, which the site shows inline as 〔应作“…”〕, goes into the
 * footnote: in the Word file the plan's paragraphs hold nothing but the plan's words.
 */
export interface FootnoteParagraph {
  /** Shown bold before the text, ending the way the site's note labels do. */
  label: string;
  text: string;
}

/** The label of the editor's own note: 编者注（文字错误）. */
export function editorLabel(correction: Correction): string {
  return `编者注（${correctionTypes[correction.type]}）`;
}

export function footnoteContent(correction: Correction): FootnoteParagraph[] {
  const paragraphs: FootnoteParagraph[] = [];
  if (correction.type === 'misplaced-footnote') paragraphs.push({ label: '原注（原文误置，编者移此）', text: correction.target.quote });
  if (correction.type === 'missing-footnote') paragraphs.push({ label: '编者注（非原文）', text: correction.footnote! });
  // A reading that is a whole sentence keeps its own full stop inside the quotation marks.
  const reading = correction.reading && (correction.type === 'typo' || correction.type === 'numbering') ? `应作“${correction.reading}”${/[。！？]$/u.test(correction.reading) ? '' : '。'}` : '';
  paragraphs.push({ label: editorLabel(correction), text: `${reading}${correction.note}` });
  return paragraphs;
}
