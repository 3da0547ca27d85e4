/**
 * The page and type of GB/T 9704-2012 (党政机关公文格式), as the PDFs set them (src/styles/print.css),
 * in Word's units: A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm, so a 156 × 225 mm
 * text block of 22 lines × 28 characters; body 3号 (16 pt) 仿宋, 一级 黑体, 二级 楷体, 三级 仿宋 bold;
 * page numbers "— N —" in 4号 (14 pt) 宋体, 7 mm below the text block, odd pages right and even
 * pages left, one character in from the edge of the text block.
 */

/** Word measures page geometry in twips (1/20 pt, 1/1440 inch). */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export const PAGE_MM = { width: 210, height: 297 } as const;
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
export const TEXT_MM = { width: PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right, height: PAGE_MM.height - MARGIN_MM.top - MARGIN_MM.bottom } as const;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Sizes in points. 3号 = 16 pt, 4号 = 14 pt, 2号 = 22 pt (the title), 5号 = 10.5 pt (editorial text). */
export const SIZE_PT = { body: 16, pageNumber: 14, title: 22, editorial: 10.5 } as const;

/** The line pitch that fits exactly 22 lines into the text block (rounded down, so the 22nd still fits). */
export const LINE_PITCH_TWIPS = Math.floor(mmToTwips(TEXT_MM.height) / LINES_PER_PAGE);

/**
 * 28 characters of 3号 fill the 156 mm line at a pitch of 15.79 pt, a little under the 16 pt of the
 * type: the body is condensed by a quarter point (w:spacing, in twips), as the PDFs set it in 15.75 pt.
 */
export const CHAR_PITCH_PT = (TEXT_MM.width * 72) / 25.4 / CHARS_PER_LINE;
export const CONDENSE_TWIPS = -Math.ceil((SIZE_PT.body - CHAR_PITCH_PT) * 20);

/**
 * Footer distance (page edge to the bottom of the footer line): the top of the "— N —" line sits
 * 7 mm below the text block, and the line is exactly as tall as its 14 pt type.
 */
export const PAGE_NUMBER_GAP_MM = 7;
export const FOOTER_TWIPS = mmToTwips(MARGIN_MM.bottom - PAGE_NUMBER_GAP_MM) - SIZE_PT.pageNumber * 20;

/**
 * Faces by the names Chinese Word and WPS installations have. Each has a fallback that Word uses
 * when the face is missing (w:altName in the font table; GB2312 faces are often absent on newer
 * Windows, which ship 仿宋 and 楷体), the GB2312 character set (charset 86) and its pitch, so a
 * substitute is at least a Chinese face of the same kind. No font is embedded.
 */
export interface Face { name: string; altName: string; charset: string; family: 'roman' | 'modern' | 'swiss' | 'auto'; pitch: 'fixed' | 'variable' }

export const FACES = {
  fangsong: { name: '仿宋_GB2312', altName: '仿宋', charset: '86', family: 'modern', pitch: 'fixed' },
  hei: { name: '黑体', altName: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed' },
  kai: { name: '楷体_GB2312', altName: '楷体', charset: '86', family: 'modern', pitch: 'fixed' },
  song: { name: '宋体', altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable' },
  /** 二号小标宋 for the title; where 方正小标宋简体 is not installed, 宋体. */
  title: { name: '方正小标宋简体', altName: '宋体', charset: '86', family: 'auto', pitch: 'variable' },
  /** Latin letters and digits in the text, as Chinese government documents set them. */
  latin: { name: 'Times New Roman', altName: 'Times New Roman', charset: '00', family: 'roman', pitch: 'variable' },
} as const satisfies Record<string, Face>;
