/**
 * On arrival from a search result (?highlight=…), marks every occurrence of the terms in the
 * page's main text, matching the same way the search does (folded, exact substring, also
 * across inline elements such as a run-in lead). Site affordances (data-ui, data-pagefind-ignore)
 * are left alone. A small bar says how many places are marked and can clear them.
 */
import { findRanges, type Range } from '../../lib/search/match.ts';
import { fold, parseQuery } from '../../lib/search/normalize.ts';
import { HIGHLIGHT_PARAM } from '../../lib/search/params.ts';
import { el } from './render.ts';

const BLOCK = 'p, h1, h2, h3, h4, h5, h6, li, dt, dd, figcaption, td, th, blockquote, pre';
const SKIP = '[data-ui], [data-pagefind-ignore], script, style, mark.search-hit';

function textGroups(root: Element): Text[][] {
  const groups = new Map<Element, Text[]>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = node.parentElement!.closest(BLOCK) ?? node.parentElement!;
    const list = groups.get(block) ?? [];
    list.push(node as Text);
    groups.set(block, list);
  }
  return [...groups.values()];
}

/** Wraps [start, end) of one text node in <mark>. */
function wrap(node: Text, start: number, end: number): void {
  const middle = node.splitText(start);
  middle.splitText(end - start);
  const mark = el('mark', 'search-hit');
  middle.replaceWith(mark);
  mark.append(middle);
}

export function highlight(root: Element, terms: string[]): number {
  let count = 0;
  for (const nodes of textGroups(root)) {
    const starts: number[] = [];
    let text = '';
    for (const n of nodes) { starts.push(text.length); text += n.data; }
    const ranges: Range[] = findRanges(fold(text), terms);
    count += ranges.length;
    // Right to left, so the offsets still to be wrapped stay valid after each split.
    for (const r of ranges.reverse()) {
      for (let i = nodes.length - 1; i >= 0; i--) {
        const from = Math.max(r.start, starts[i]!);
        const to = Math.min(r.end, starts[i]! + nodes[i]!.data.length);
        if (from < to) wrap(nodes[i]!, from - starts[i]!, to - starts[i]!);
      }
    }
  }
  return count;
}

export function clearHighlights(root: ParentNode): void {
  for (const mark of root.querySelectorAll('mark.search-hit')) mark.replaceWith(...mark.childNodes);
  root.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li').forEach((n) => n.normalize());
}

export function highlightFromUrl(): void {
  const raw = new URLSearchParams(location.search).get(HIGHLIGHT_PARAM);
  const main = document.querySelector('main');
  if (!raw || !main) return;
  const { normalized, terms } = parseQuery(raw);
  if (!terms.length) return;
  const count = highlight(main, terms);

  const bar = el('div', 'search-highlight-bar');
  bar.setAttribute('role', 'status');
  bar.setAttribute('data-ui', '');
  bar.setAttribute('data-pagefind-ignore', 'all');
  const clear = el('button', undefined, '清除标记');
  clear.type = 'button';
  clear.addEventListener('click', () => {
    clearHighlights(main);
    bar.remove();
    const url = new URL(location.href);
    url.searchParams.delete(HIGHLIGHT_PARAM);
    history.replaceState(history.state, '', url);
  });
  bar.append(el('span', undefined, count ? `已标出“${normalized}” ${count} 处` : `本页未找到“${normalized}”`), ' ', clear);
  document.body.append(bar);
}
