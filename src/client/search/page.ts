/**
 * The /search/?q=…&chapter=… page: the full result list with the chapter filter. The URL holds
 * the state, so a result list can be bookmarked and Back works. Also exposes the search to
 * the benchmark as window.__planSearch (this page only), so it measures the code readers use.
 */
import { search, searchPlan, type FullResult } from './engine.ts';
import { el, hitItem } from './render.ts';

declare global {
  interface Window { __planSearch?: typeof search; __planSearchPlan?: typeof searchPlan }
}
window.__planSearch = search;
window.__planSearchPlan = searchPlan;

const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const select = document.getElementById('search-chapter') as HTMLSelectElement;
const status = document.getElementById('search-status')!;
const results = document.getElementById('search-results')!;

function readUrl(): { q: string; chapter?: number } {
  const params = new URLSearchParams(location.search);
  const c = params.get('chapter');
  return { q: params.get('q') ?? '', chapter: c === null || c === '' ? undefined : Number(c) };
}

function writeUrl(q: string, chapter?: number): void {
  const url = new URL(location.href);
  url.searchParams.set('q', q);
  if (chapter === undefined) url.searchParams.delete('chapter');
  else url.searchParams.set('chapter', String(chapter));
  if (url.href !== location.href) history.pushState(null, '', url);
}

function showCounts(result: FullResult): void {
  for (const option of select.options) {
    const label = option.dataset.label;
    if (!label) continue;
    // Counts are known for the chapters searched: all of them, or the one the search is limited to.
    const n = result.byChapter[Number(option.value)];
    option.textContent = result.terms.length && n !== undefined ? `${label}（${n}）` : label;
  }
}

function render(result: FullResult, chapter?: number, done = true): void {
  results.replaceChildren();
  showCounts(result);
  const scope = chapter === undefined ? '' : `（${select.selectedOptions[0]?.dataset.label ?? ''}）`;
  if (!result.terms.length) { status.textContent = '请输入检索词。'; return; }
  const total = result.hits.length + result.pageHits.length;
  if (!total) { status.textContent = `没有找到“${result.query}”${scope}。`; return; }
  if (result.approximate) {
    status.textContent = `没有完全匹配“${result.query}”${scope}的内容；以下 ${result.pageHits.length} 条为按词匹配的近似结果。`;
  } else {
    const other = result.pageHits.length ? `，其他页面 ${result.pageHits.length} 条` : '';
    status.textContent = `“${result.query}”${scope}：规划正文 ${result.hits.length} 处${other}${done ? '' : '；正在检索其他页面…'}。`;
  }
  if (result.hits.length) {
    const list = el('ol', 'search-hits');
    for (const hit of result.hits) list.append(hitItem(hit));
    results.append(el('h2', undefined, '规划正文'), list);
  }
  if (result.pageHits.length) {
    const list = el('ol', 'search-hits');
    for (const hit of result.pageHits) list.append(hitItem(hit));
    results.append(el('h2', undefined, result.approximate ? '近似结果' : '其他页面'), list);
  }
}

let seq = 0;
async function run(): Promise<void> {
  const { q, chapter } = readUrl();
  input.value = q;
  select.value = chapter === undefined ? '' : String(chapter);
  if (!q.trim()) { results.replaceChildren(); status.textContent = '请输入检索词。'; return; }
  const mine = ++seq;
  status.textContent = '正在搜索…';
  try {
    // The plan's own hits come from one small file: show them while Pagefind loads.
    const early = searchPlan(q, { chapter }).then((plan) => {
      if (mine === seq && plan.hits.length) render({ ...plan, approximate: false, pageHits: [] }, chapter, false);
    }).catch(() => {});
    const result = await search(q, { chapter });
    await early;
    if (mine === seq) render(result, chapter);
  } catch (error) {
    if (mine === seq) status.textContent = '搜索暂时不可用，请稍后再试。';
    console.error(error);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  writeUrl(input.value.trim(), select.value === '' ? undefined : Number(select.value));
  void run();
});
select.addEventListener('change', () => {
  writeUrl(input.value.trim(), select.value === '' ? undefined : Number(select.value));
  void run();
});
window.addEventListener('popstate', () => void run());
void run();
