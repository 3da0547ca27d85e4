/**
 * Bibliographic and site facts: the one place they are stated. The source text names neither
 * its issuing body nor its date, so those stay unset rather than guessed; citations omit them.
 */
export const site = {
  title: '青海省科学技术发展“十二五”规划',
  shortTitle: '青海科技“十二五”规划',
  description: '青海省科学技术发展“十二五”规划全文的在线校读本：按规划编号引用、全文检索、重建路线图与分章 PDF。',
  language: 'zh-CN',
  /** Issuing body, date and document number: not stated in the source, so unset. */
  issuer: undefined as string | undefined,
  date: undefined as string | undefined,
  documentNumber: undefined as string | undefined,
} as const;

/**
 * What every reader is told up front, on /, in the footer and in every PDF: what this edition
 * is and is not. It names no issuing body, date or number, because the source gives none.
 */
export const notice = {
  short: '非官方校读本：正文逐字照录原文，未作任何改动；编者校正仅以明确标注的“编者注”呈现。',
  official: '本规划的正式文本以发布机关公布的文本为准。',
} as const;
