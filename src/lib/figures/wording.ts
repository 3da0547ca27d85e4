/**
 * "Shared wording": the middle ground between a link the text states and one the editor judges.
 * Two labels share wording when a run of characters common to both holds a term that is
 * specific: not the plan's generic vocabulary (技术, 开发利用 …) and not a word most of the
 * figure's own labels use (材料 in the 新材料 figure, 光伏 in the 新能源 one), because a word
 * every node has cannot tell which two belong together. 风电产业 and 适宜地区风电技术 share 风电;
 * 电网安全 and 接入电力系统关键技术 share nothing specific. The build computes it from the labels,
 * so no link can claim it by being typed.
 */

/**
 * Words that occur across the domains of this plan, and the particles that join words. Longer
 * words first, so 综合利用 is taken out before 利用 would split it.
 */
export const GENERIC_WORDS = [
  '关键技术', '综合利用', '开发利用', '产业发展', '技术研究', '青藏高原',
  '技术', '关键', '系统', '产业', '开发', '利用', '综合', '研究', '应用', '工程', '建设', '发展', '生产',
  '资源', '产品', '体系', '平台', '基地', '高原', '青海', '新型', '现代', '重大', '重点', '提高', '以及', '及其',
  '等', '的', '与', '和', '及', '或', '中', '为', '以', '之',
].sort((a, b) => [...b].length - [...a].length);

/** A term must be at least this many characters. */
const MIN_TERM = 2;
/** A term used by more than this share of a figure's labels does not distinguish two of them. */
const MAX_SHARE = 0.25;

const BREAK = /[，。、；：“”（）《》／/\s]/u;

/** The specific pieces of a run: what is left between generic words, at least MIN_TERM long. */
export function specificPieces(text: string): string[] {
  let pieces = text.split(BREAK);
  for (const word of GENERIC_WORDS) pieces = pieces.flatMap((p) => p.split(word));
  return pieces.filter((p) => [...p].length >= MIN_TERM);
}

/** Runs of `a` that also occur in `b` and cannot be extended on either side. */
export function commonRuns(a: string, b: string): string[] {
  const chars = [...a];
  const runs: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    let j = i;
    while (j < chars.length && b.includes(chars.slice(i, j + 1).join(''))) j++;
    if (j - i < MIN_TERM) continue;
    const run = chars.slice(i, j).join('');
    // Extendable to the left: the run starting one earlier already covers it.
    if (i > 0 && b.includes(chars[i - 1] + run)) continue;
    runs.push(run);
  }
  return runs;
}

/**
 * The longest specific term both labels contain, or undefined. `vocabulary` is every label of
 * the figure (the two ends included): a term more than a quarter of them use is too common.
 */
export function sharedTerm(a: string, b: string, vocabulary: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(vocabulary.length * MAX_SHARE));
  const candidates = commonRuns(a, b)
    .flatMap(specificPieces)
    .filter((term) => vocabulary.filter((label) => label.includes(term)).length <= limit);
  return candidates.sort((p, q) => [...q].length - [...p].length || a.indexOf(p) - a.indexOf(q))[0];
}
