const DIGITS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Parses the small Chinese numerals the plan uses (一 … 九十九). */
export function parseChineseNumeral(text: string): number {
  if (text === '十') return 10;
  const tenAt = text.indexOf('十');
  if (tenAt === -1) {
    const value = DIGITS[text];
    if (value === undefined) throw new RangeError(`not a Chinese numeral: ${text}`);
    return value;
  }
  const tens = tenAt === 0 ? 1 : DIGITS[text.slice(0, tenAt)];
  const unitText = text.slice(tenAt + 1);
  const units = unitText === '' ? 0 : DIGITS[unitText];
  if (tens === undefined || units === undefined) throw new RangeError(`not a Chinese numeral: ${text}`);
  return tens * 10 + units;
}

const NAMES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function toChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) throw new RangeError(`out of range: ${value}`);
  if (value < 10) return NAMES[value]!;
  const tens = Math.floor(value / 10);
  return `${tens === 1 ? '' : NAMES[tens]}十${NAMES[value % 10]}`;
}
