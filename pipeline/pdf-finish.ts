import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';

/**
 * The last touch on a printed PDF (pdf-lib): its document properties, and bookmarks that are
 * the headings alone. Chromium names itself as the producer, dates the file "now" and writes
 * each heading's rendered text, editorial marks included, into the bookmarks.
 */
export interface PdfProperties {
  title: string;
  subject: string;
  /** The project, not the browser that printed it. */
  producer: string;
  creator: string;
  keywords: string[];
  /** The edition date, YYYY-MM-DD: the same file for the same edition, whenever it is built. */
  date: string;
}

/**
 * `titles` maps a bookmark's text (whitespace removed) to the heading alone. Returns how many
 * bookmarks were rewritten, and the bookmark texts that nothing matched.
 */
export async function finishPdf(pdf: Uint8Array, properties: PdfProperties, titles: ReadonlyMap<string, string>): Promise<{ bytes: Uint8Array; rewritten: number; unmatched: string[] }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const date = new Date(`${properties.date}T00:00:00Z`);
  doc.setTitle(properties.title, { showInWindowTitleBar: true });
  doc.setSubject(properties.subject);
  doc.setProducer(properties.producer);
  doc.setCreator(properties.creator);
  doc.setKeywords(properties.keywords);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  let rewritten = 0;
  const unmatched: string[] = [];
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const stack: (PDFRef | undefined)[] = [outlines?.get(PDFName.of('First')) as PDFRef | undefined];
  while (stack.length) {
    const ref = stack.pop();
    if (!ref) continue;
    const item = doc.context.lookup(ref, PDFDict);
    const raw = item.lookup(PDFName.of('Title'));
    const text = raw instanceof PDFHexString || raw instanceof PDFString ? raw.decodeText() : '';
    const clean = titles.get(text.replace(/\s+/g, ''));
    if (clean === undefined) unmatched.push(text);
    else if (clean !== text) {
      item.set(PDFName.of('Title'), PDFHexString.fromText(clean));
      rewritten++;
    }
    stack.push(item.get(PDFName.of('Next')) as PDFRef | undefined, item.get(PDFName.of('First')) as PDFRef | undefined);
  }
  return { bytes: await doc.save({ useObjectStreams: true }), rewritten, unmatched };
}
