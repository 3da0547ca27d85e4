/** Names and sizes of the printed PDFs, shared by the pages (links) and pipeline/pdf.ts (files). */

/** File name under pdf/: chapter-N.pdf for a chapter, plan.pdf for the whole plan. */
export function pdfFile(chapter?: number): string {
  return chapter === undefined ? 'plan.pdf' : `chapter-${chapter}.pdf`;
}

/** "312 KB", "1.4 MB" (binary units, as file managers show them). */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The PDFs are printed from the built pages, so the pages are built before the sizes exist:
 * the link carries an empty marker that the PDF step fills in afterwards.
 */
export function sizeMarker(file: string): string {
  return `<span class="pdf-size" data-pdf-size="${file}"></span>`;
}

export function patchSizes(html: string, sizes: Record<string, number>): string {
  return html.replace(/<span class="pdf-size" data-pdf-size="([^"]+)">[^<]*<\/span>/g, (whole, file: string) => {
    const size = sizes[file];
    return size === undefined ? whole : `<span class="pdf-size" data-pdf-size="${file}">（${formatSize(size)}）</span>`;
  });
}
