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
