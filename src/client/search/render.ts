import type { Piece } from '../../lib/search/excerpt.ts';
import type { Hit } from './engine.ts';

/** DOM building without innerHTML: excerpts come from page text and must never become markup. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function pieces(parent: HTMLElement, list: Piece[]): HTMLElement {
  for (const p of list) parent.append(p.mark ? el('mark', undefined, p.text) : document.createTextNode(p.text));
  return parent;
}

/** One result: the place in the plan's numbering and its title, then the excerpt; all one link. */
export function hitItem(hit: Hit): HTMLLIElement {
  const li = el('li', `search-hit search-hit-${hit.kind}`);
  const a = el('a');
  a.href = hit.href;
  const head = el('span', 'hit-head');
  head.append(el('span', 'hit-path', hit.path));
  if (hit.title) head.append(' ', el('span', 'hit-title', hit.title));
  a.append(head);
  if (hit.excerpt.length) a.append(pieces(el('span', 'hit-excerpt'), hit.excerpt));
  li.append(a);
  return li;
}
