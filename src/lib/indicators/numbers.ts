/**
 * Numbers as the plan prints them: "26500人", "1.5%", "49.265亿元", "１２３", "三大类", "一倍".
 *
 * `numbersIn(text)` finds every number-with-unit in a string, with its value and offsets, and
 * leaves out what is not a quantity: years and year ranges ("2015年", "2006-2020"), numbers that
 * are part of a name in quotation marks or book-title marks (“123”科技支撑工程, “十二五”,
 * 《…第十二个五年规划纲要》), references to figures (见图2), and the numeral 一 used as an
 * article (一批, 一件大事): a Chinese numeral counts only before a counting word (个, 项, 大, 条,
 * 倍, 年), and 一 only before 条 or 倍. A number printed without any unit ("企业技术中心14。")
 * is kept with an empty unit: the index must not lose a number because the print dropped a 个.
 *
 * Pure string functions: src/lib/indicators/plan-numbers.ts applies them to the whole plan.
 */

export interface NumberMention {
  /** Offsets in the searched text: text.slice(start, end) is the mention as printed. */
  start: number;
  end: number;
  /** The mention as printed, number and unit: "49.265亿元", "三大", "20多个". */
  text: string;
  /** The number as printed, as a JavaScript number: 49.265 for "49.265亿元", 3 for "三大". */
  value: number;
  /** The multiplier the unit carries: 1e8 for 亿元, 1e4 for 万元, else 1. */
  scale: number;
  /** The unit as printed, without the multiplier: "元", "%", "个", "大类"; "" where the print has none. */
  unit: string;
  /** "多" in "20多个": the number is a lower bound. */
  more: boolean;
  /** "第22位": an ordinal (a rank), not a count. */
  ordinal: boolean;
}

const FULL_WIDTH_DIGIT = /[０-９]/gu;

/** Full-width digits and the full-width point (１２．５) as ASCII, character for character. */
export function asciiDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30)).replace(/．/gu, '.');
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * A Chinese numeral as a number: 三 → 3, 十二 → 12, 两 → 2, 一百一十 → 110, 二万六千五百 → 26500.
 * Throws a RangeError for anything that is not one.
 */
export function parseChineseNumber(text: string): number {
  if (!text) throw new RangeError('not a Chinese numeral: (empty)');
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in CN_DIGITS) {
      if (digit !== undefined && digit !== 0) throw new RangeError(`not a Chinese numeral: ${text}`);
      digit = CN_DIGITS[ch]!;
    } else if (ch in CN_SMALL_UNITS) {
      section += (digit ?? 1) * CN_SMALL_UNITS[ch]!;
      digit = undefined;
    } else if (ch in CN_LARGE_UNITS) {
      total += (section + (digit ?? 0)) * CN_LARGE_UNITS[ch]!;
      section = 0;
      digit = undefined;
    } else {
      throw new RangeError(`not a Chinese numeral: ${text}`);
    }
  }
  return total + section + (digit ?? 0);
}

/** "1.5" → 1.5, "１２３" → 123, "四" → 4: an Arabic (half- or full-width) or Chinese numeral. */
export function parseNumeral(text: string): number {
  const ascii = asciiDigits(text);
  if (/^\d+(\.\d+)?$/.test(ascii)) return Number(ascii);
  return parseChineseNumber(text);
}

/** Units after an Arabic number, longest first; 亿/万 carry a multiplier. */
const ARABIC_UNITS = ['亿元', '万元', '亿', '万', '元', '%', '％', '个', '家', '名', '人', '项', '件', '位', '倍', '条', '大类', '大', '类', 'MW'];
/** Counting words a Chinese numeral must stand before to be a quantity (三大类, 两个, 五项, 一倍). */
const CHINESE_UNITS = ['大类', '大', '个', '项', '条', '倍', '年'];
/** 一 is an article far more often than a count (一批, 一件大事, 一支队伍); only these make it a number. */
const ONE_UNITS = new Set(['条', '倍']);

const SCALE: Record<string, { scale: number; unit: string }> = {
  亿元: { scale: 1e8, unit: '元' },
  万元: { scale: 1e4, unit: '元' },
  亿: { scale: 1e8, unit: '' },
  万: { scale: 1e4, unit: '' },
  '％': { scale: 1, unit: '%' },
};

const ARABIC = /[0-9０-９]+(?:[.．][0-9０-９]+)?/gu;
const CHINESE = /[零〇一二两三四五六七八九十百千万亿]+/gu;
/** A Chinese numeral starts with a digit or 十; a bare 万 or 亿 is a word (万人: per ten thousand people). */
const CHINESE_START = /^[零〇一二两三四五六七八九十]/u;

/** Ranges of text inside “…” or 《…》: names, not quantities. */
function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const [open, close] of [['“', '”'], ['《', '》']] as const) {
    let from = 0;
    for (;;) {
      const start = text.indexOf(open, from);
      if (start < 0) break;
      const end = text.indexOf(close, start + 1);
      if (end < 0) break;
      ranges.push([start, end + 1]);
      from = end + 1;
    }
  }
  return ranges;
}

const inside = (ranges: [number, number][], at: number) => ranges.some(([s, e]) => at >= s && at < e);

/** A year ("2015年", "2010年底") or one end of a year range ("2006-2020"). */
function isYear(text: string, start: number, end: number, digits: string): boolean {
  if (!/^(19|20)\d\d$/.test(digits)) return false;
  const after = text.slice(end, end + 1);
  const before = text.slice(Math.max(0, start - 1), start);
  return after === '年' || /^[-－—–~～]/u.test(after) || /[-－—–~～]/u.test(before);
}

function unitAfter(text: string, at: number, units: readonly string[]): { unit: string; more: boolean } | undefined {
  const more = text[at] === '多';
  const from = more ? at + 1 : at;
  const unit = units.find((u) => text.startsWith(u, from));
  if (unit !== undefined) return { unit, more };
  return undefined;
}

function mention(text: string, start: number, numeral: string, unitInfo: { unit: string; more: boolean }): NumberMention {
  const numberEnd = start + numeral.length;
  const end = numberEnd + (unitInfo.more ? 1 : 0) + unitInfo.unit.length;
  const ordinal = text[start - 1] === '第';
  const realStart = ordinal ? start - 1 : start;
  const scaled = SCALE[unitInfo.unit];
  return {
    start: realStart,
    end,
    text: text.slice(realStart, end),
    value: parseNumeral(numeral),
    scale: scaled?.scale ?? 1,
    unit: scaled ? scaled.unit : unitInfo.unit,
    more: unitInfo.more,
    ordinal,
  };
}

/** Every number-with-unit in `text`, in order (see the module comment for what is left out). */
export function numbersIn(text: string): NumberMention[] {
  const names = quotedRanges(text);
  const found: NumberMention[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (inside(names, start)) continue;
    if (isYear(text, start, end, asciiDigits(m[0]))) continue;
    if (text[start - 1] === '图') continue;
    if (/[A-Za-z]/.test(text[start - 1] ?? '')) continue;
    found.push(mention(text, start, m[0], unitAfter(text, end, ARABIC_UNITS) ?? { unit: '', more: false }));
  }
  for (const m of text.matchAll(CHINESE)) {
    const start = m.index!;
    // A numeral run may end in 万/亿 that belong to the unit (三亿元 is fine; 一万人 too), so
    // try the whole run first, then without a trailing large unit.
    for (const numeral of [m[0], m[0].replace(/[万亿]+$/u, '')]) {
      if (!numeral || !CHINESE_START.test(numeral) || inside(names, start)) continue;
      const unitInfo = unitAfter(text, start + numeral.length, numeral === '一' ? [...ONE_UNITS] : CHINESE_UNITS);
      if (!unitInfo) continue;
      try {
        found.push(mention(text, start, numeral, unitInfo));
      } catch {
        continue;
      }
      break;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The value a mention stands for, multiplier applied: 49.265亿元 → 4926500000. */
export function scaledValue(m: NumberMention): number {
  return roundNumber(m.value * m.scale);
}

/** Rounds away binary noise (49.265 * 1e8) so equal printed numbers compare equal. */
export function roundNumber(n: number): number {
  return Number(n.toPrecision(12));
}

/** Whether a number typed in data is this mention: as printed (7.6 for 7.6亿元) or scaled (760000000). */
export function mentionMatches(m: NumberMention, value: number): boolean {
  return roundNumber(value) === roundNumber(m.value) || roundNumber(value) === scaledValue(m);
}
