/**
 * The running head of printed pages: plan title and chapter. Chromium supports neither
 * string-set nor attr() in page margin boxes, so each chapter gets a named page whose
 * @top-center states its words; the CSS is generated from the outline, never retyped.
 */
export interface RunningChapter { chapter: number; heading: string }

export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}

export function runningHeadsCss(title: string, chapters: RunningChapter[]): string {
  const rules = [`@page { @top-center { content: ${cssString(title)}; } }`];
  for (const { chapter, heading } of chapters) {
    rules.push(`@page chapter-${chapter} { @top-center { content: ${cssString(`${title}　${heading}`)}; } }`);
    rules.push(`.plan-text[data-chapter="${chapter}"], .plan-chapter[data-chapter="${chapter}"] { page: chapter-${chapter}; }`);
  }
  // The whole plan's short preamble shares the first chapter's page, so that chapter follows it
  // on the same page instead of leaving the preamble alone (a change of named page breaks the page).
  const first = chapters[0];
  if (first) rules.push(`.plan-chapter[data-chapter="0"] { page: chapter-${first.chapter}; }`);
  return `@media print {\n${rules.map((r) => `  ${r}`).join('\n')}\n}\n`;
}
