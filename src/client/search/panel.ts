/**
 * The header search's results panel, loaded on first use. The results are plain links in a
 * list (Tab reaches them; ↓/↑ move between the box and the links; Esc closes), and a polite
 * status line tells screen-reader users how many places were found. Enter in the box submits
 * the form to the search page, as it does without JavaScript.
 */
import { PANEL_LIMIT } from '../../lib/search/params.ts';
import { withBase } from '../../lib/url.ts';
import { preload, search, searchPlan, type FullResult, type PlanResult } from './engine.ts';
import { el, hitItem } from './render.ts';

export function attachPanel(form: HTMLFormElement, input: HTMLInputElement): void {
  const panel = el('div', 'search-panel');
  panel.id = `${input.id}-results`;
  panel.hidden = true;
  const status = el('p', 'visually-hidden');
  status.setAttribute('role', 'status');
  status.id = `${input.id}-status`;
  form.append(status, panel);
  input.setAttribute('aria-controls', panel.id);
  input.setAttribute('aria-describedby', status.id);
  preload();

  let seq = 0;
  // Set when the reader closes the panel, so a late answer (Pagefind) does not reopen it.
  let dismissed = false;
  // Replacing the list removes the focused link, and Chrome reports that as focus leaving.
  let rendering = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>('a')];

  const render = (result: PlanResult | FullResult, done: boolean) => {
    const pageHits = 'pageHits' in result ? result.pageHits : [];
    const approximate = 'approximate' in result && result.approximate;
    const total = result.hits.length + pageHits.length;
    // The Pagefind part arrives after the plan hits: keep the reader's place in the list.
    const focused = links().indexOf(document.activeElement as HTMLAnchorElement);
    rendering = true;
    panel.replaceChildren();
    rendering = false;
    if (!result.terms.length) { panel.hidden = true; status.textContent = ''; return; }
    const show = () => { if (!dismissed) panel.hidden = false; };
    if (total === 0) {
      if (!done) return;
      panel.append(el('p', 'search-empty', `没有找到“${result.query}”。`));
    } else {
      if (approximate) panel.append(el('p', 'search-note', `没有完全匹配“${result.query}”的内容，以下为按词匹配的近似结果：`));
      const list = el('ol', 'search-hits');
      for (const hit of [...result.hits, ...pageHits].slice(0, PANEL_LIMIT)) list.append(hitItem(hit));
      panel.append(list);
    }
    const all = el('a', 'search-all', total > PANEL_LIMIT ? `查看全部 ${total} 条结果` : '在搜索页打开');
    all.href = `${withBase('search/')}?q=${encodeURIComponent(result.query)}`;
    panel.append(all);
    show();
    if (focused >= 0) links()[Math.min(focused, links().length - 1)]?.focus();
    status.textContent = total ? `找到 ${total} 条结果${total > PANEL_LIMIT ? `，显示前 ${PANEL_LIMIT} 条` : ''}。按向下键进入结果。` : `没有找到“${result.query}”。`;
  };

  const run = () => {
    const mine = ++seq;
    dismissed = false;
    const query = input.value;
    // Plan hits first (one small file), then the other pages once Pagefind has answered.
    searchPlan(query).then((plan) => { if (mine === seq) render(plan, false); }).catch(() => {});
    search(query).then((full) => { if (mine === seq) render(full, true); }).catch((error) => {
      if (mine !== seq) return;
      panel.replaceChildren(el('p', 'search-empty', '搜索暂时不可用。'));
      if (!dismissed) panel.hidden = false;
      console.error(error);
    });
  };

  input.addEventListener('input', (event) => {
    if ((event as InputEvent).isComposing) return;
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  input.addEventListener('compositionend', () => { clearTimeout(timer); timer = setTimeout(run, 60); });
  input.addEventListener('focus', (event) => {
    const from = (event as FocusEvent).relatedTarget as Node | null;
    if (!(from && form.contains(from)) && panel.childElementCount && input.value.trim()) { dismissed = false; panel.hidden = false; }
  });

  form.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    const items = links();
    const at = items.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      if (panel.hidden) return;
      dismissed = true;
      panel.hidden = true;
      input.focus();
      event.preventDefault();
    } else if (event.key === 'ArrowDown' && items.length && (!panel.hidden || input.value.trim())) {
      dismissed = false;
      panel.hidden = false;
      items[Math.min(at + 1, items.length - 1)]!.focus();
      event.preventDefault();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      (at === 0 ? input : items[at - 1]!).focus();
      event.preventDefault();
    }
  });
  form.addEventListener('focusout', (event) => {
    if (rendering || !(event.target as Node).isConnected) return;
    const next = event.relatedTarget as Node | null;
    if (!next || !form.contains(next)) { dismissed = true; panel.hidden = true; }
  });

  if (input.value.trim()) run();
}
