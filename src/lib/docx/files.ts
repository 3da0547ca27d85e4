/** Names of the Word files, shared by the pages (download links), pipeline/docx.ts and the tests. */

/** File name under docx/: chapter-N.docx for a chapter, plan.docx for the whole plan. */
export function docxFile(chapter?: number): string {
  return chapter === undefined ? 'plan.docx' : `chapter-${chapter}.docx`;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
