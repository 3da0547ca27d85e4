import { FACES, type Face } from './gbt9704.ts';

/**
 * The two package parts the docx package cannot write as this edition needs them, handed to
 * Packer as overrides (its documented way to replace a part):
 *  - word/fontTable.xml: docx lists only embedded fonts there, and nothing is embedded, so the
 *    fallbacks (w:altName, charset, family, pitch) of the named faces would be lost;
 *  - docProps/core.xml: docx stamps "now" as created/modified and has no dc:language; the
 *    edition is dated by editionDate() and is zh-CN.
 * Both are metadata, built from facts; the text of the plan never passes through here.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function fontEntry(face: Face): string {
  const value = (name: string, v: string) => `<w:${name} w:val="${escapeXml(v)}"/>`;
  const alt = face.altName !== face.name ? value('altName', face.altName) : '';
  return `<w:font w:name="${escapeXml(face.name)}">${alt}${value('charset', face.charset)}${value('family', face.family)}${value('pitch', face.pitch)}</w:font>`;
}

export function fontTableXml(faces: readonly Face[] = Object.values(FACES)): string {
  return `${DECLARATION}<w:fonts xmlns:w="${W}">${faces.map(fontEntry).join('')}</w:fonts>`;
}

export interface CoreProperties {
  title: string;
  subject: string;
  description: string;
  language: string;
  /** YYYY-MM-DD: the edition date, written as created and modified. */
  date: string;
}

export function corePropertiesXml(p: CoreProperties): string {
  const text = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  const when = (name: string) => `<${name} xsi:type="dcterms:W3CDTF">${p.date}T00:00:00Z</${name}>`;
  return `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + text('dc:title', p.title) + text('dc:subject', p.subject) + text('dc:description', p.description)
    + text('dc:language', p.language) + when('dcterms:created') + when('dcterms:modified')
    + '</cp:coreProperties>';
}

export const CORE_PART = 'docProps/core.xml';
export const FONT_TABLE_PART = 'word/fontTable.xml';
