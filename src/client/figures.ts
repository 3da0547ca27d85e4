/**
 * Progressive enhancement for the rebuilt figures (each is complete without it):
 * - on chapter pages and /plan/ a drawing is an <img> of its file; near the viewport (or on
 *   UPGRADE_EVENT, which printing and the tests send) the file's markup replaces it, the same
 *   SVG /figures/N/ inlines, and the rest of this list applies;
 * - one Tab stop per figure: the nodes share a roving tabindex, and the arrow keys move among
 *   them (↑/↓ within a column or band, ←/→ to the nearest node beside it; Home/End: first, last);
 * - hovering or focusing a node highlights the chains of its categories across the columns;
 * - a tooltip quotes the source sentence (taken from the node's data-quote: no fetch);
 * - the category filter (rendered hidden) is shown and dims the chains switched off.
 * Enter follows the node's link natively. No d3 on the client.
 */

import { FAILED, INTERACTIVE, STATE_ATTRIBUTE, STATIC, UPGRADE_EVENT } from '../lib/figures/drawings.ts';

const ON = 'rm-on';
const KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'];

function setupDrawing(root: HTMLElement, svg: SVGSVGElement): void {
  const nodes = [...svg.querySelectorAll<SVGAElement>('a.rm-node')];
  const parts = [...svg.querySelectorAll<SVGElement>('[data-category]')];
  const cats = (el: Element) => (el.getAttribute('data-category') ?? '').split(' ').filter(Boolean);

  // Native <title> tooltips would double the custom one.
  for (const a of nodes) a.querySelector('title')?.remove();

  const tip = document.createElement('div');
  tip.className = 'rm-tip';
  tip.hidden = true;
  root.append(tip);

  const show = (a: SVGAElement) => {
    const active = cats(a);
    if (active.length) {
      svg.classList.add('rm-focus');
      for (const el of parts) el.classList.toggle(ON, cats(el).some((c) => active.includes(c)));
    }
    a.classList.add(ON);
    tip.replaceChildren();
    const where = document.createElement('span');
    where.className = 'rm-tip-where';
    where.textContent = `${a.dataset.where ?? ''}${a.dataset.note ? `　编者：${a.dataset.note}` : ''}`;
    const q = document.createElement('q');
    q.textContent = a.dataset.quote ?? '';
    tip.append(where, q);
    tip.hidden = false;
    const box = a.getBoundingClientRect();
    const host = root.getBoundingClientRect();
    const left = Math.min(Math.max(box.left - host.left, 0), Math.max(host.width - tip.offsetWidth, 0));
    tip.style.left = `${left}px`;
    tip.style.top = `${box.bottom - host.top + 6}px`;
  };
  const hide = () => {
    svg.classList.remove('rm-focus');
    for (const el of svg.querySelectorAll(`.${ON}`)) el.classList.remove(ON);
    tip.hidden = true;
  };
  for (const a of nodes) {
    a.addEventListener('pointerenter', () => show(a));
    a.addEventListener('pointerleave', hide);
    a.addEventListener('focus', () => show(a));
    a.addEventListener('blur', hide);
  }

  // Roving focus: the node last focused keeps the figure's one Tab stop.
  const usable = () => nodes.filter((n) => !n.classList.contains('rm-off'));
  const moveTo = (target: SVGAElement) => {
    for (const n of nodes) n.setAttribute('tabindex', n === target ? '0' : '-1');
    target.focus();
  };
  const centre = (a: Element) => { const b = a.getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2] as const; };
  svg.addEventListener('keydown', (event) => {
    const a = (event.target as Element).closest?.('a.rm-node') as SVGAElement | null;
    if (!a || !KEYS.includes(event.key)) return;
    const candidates = usable();
    let best: SVGAElement | undefined;
    if (event.key === 'Home') best = candidates[0];
    else if (event.key === 'End') best = candidates.at(-1);
    else {
      const [x, y] = centre(a);
      const vertical = event.key === 'ArrowUp' || event.key === 'ArrowDown';
      const sign = event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? -1 : 1;
      let bestScore = Infinity;
      for (const n of candidates) {
        if (n === a) continue;
        const [nx, ny] = centre(n);
        const along = vertical ? (ny - y) * sign : (nx - x) * sign;
        const across = vertical ? Math.abs(nx - x) : Math.abs(ny - y);
        if (along <= 1) continue;
        const score = along + across * (vertical ? 4 : 3);
        if (score < bestScore) { bestScore = score; best = n; }
      }
    }
    event.preventDefault();
    if (best && best !== a) moveTo(best);
  });
  svg.addEventListener('focusin', (event) => {
    const a = (event.target as Element).closest?.('a.rm-node') as SVGAElement | null;
    if (a && a.getAttribute('tabindex') !== '0') for (const n of nodes) n.setAttribute('tabindex', n === a ? '0' : '-1');
  });

  // The category filter.
  const filter = root.querySelector<HTMLFieldSetElement>('.roadmap-filter');
  if (!filter) return;
  const boxes = [...filter.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const apply = () => {
    const shown = boxes.filter((b) => b.checked).map((b) => b.value);
    for (const el of parts) el.classList.toggle('rm-off', !cats(el).some((c) => shown.includes(c)));
    // The Tab stop must stay on a node that is shown.
    const stop = nodes.find((n) => n.getAttribute('tabindex') === '0');
    if (stop?.classList.contains('rm-off')) {
      const next = usable()[0];
      for (const n of nodes) n.setAttribute('tabindex', n === next ? '0' : '-1');
    }
  };
  filter.addEventListener('change', apply);
  filter.querySelector('[data-all]')?.addEventListener('click', () => { for (const b of boxes) b.checked = true; apply(); });
  filter.hidden = false;
}

function setupFigure(root: HTMLElement): void {
  for (const svg of root.querySelectorAll<SVGSVGElement>('svg.roadmap')) setupDrawing(root, svg);
  root.setAttribute(STATE_ATTRIBUTE, INTERACTIVE);
}

/** The drawing's file, parsed: its root <svg>, or an error that says what went wrong. */
async function fetchDrawing(url: string): Promise<SVGSVGElement> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const doc = new DOMParser().parseFromString(await response.text(), 'image/svg+xml');
  const svg = doc.documentElement;
  if (!(svg instanceof SVGSVGElement) || doc.querySelector('parsererror')) throw new Error(`${url}: not an SVG`);
  return document.importNode(svg, true);
}

const pending = new Map<HTMLElement, Promise<void>>();

/** Swaps every picture of a figure for its drawing's markup, once; on failure the picture stays. */
function upgrade(root: HTMLElement): Promise<void> {
  let job = pending.get(root);
  if (!job) {
    const pictures = [...root.querySelectorAll<HTMLImageElement>('img.roadmap-picture')];
    // The picture first: its response is in the HTTP cache by the time the drawing is fetched,
    // so the markup costs a revalidation (304), not a second download of the same file.
    const drawing = async (img: HTMLImageElement) => {
      img.loading = 'eager';
      await img.decode().catch(() => undefined);
      return [img, await fetchDrawing(img.getAttribute('src')!)] as const;
    };
    job = Promise.all(pictures.map(drawing)).then(
      (swaps) => {
        // All at once, so a figure is never half pictures, half drawings.
        for (const [img, svg] of swaps) img.replaceWith(svg);
        const group = root.querySelector<HTMLElement>('.roadmap-scroll');
        const label = group?.dataset.interactiveLabel;
        if (group && label) group.setAttribute('aria-label', label);
        setupFigure(root);
      },
      (error: unknown) => {
        root.setAttribute(STATE_ATTRIBUTE, FAILED);
        console.warn('figure stays a picture:', error);
      },
    );
    pending.set(root, job);
  }
  return job;
}

const roots = [...document.querySelectorAll<HTMLElement>('[data-roadmap]')];
const waiting = roots.filter((root) => root.getAttribute(STATE_ATTRIBUTE) === STATIC);
for (const root of roots) if (!waiting.includes(root)) setupFigure(root);

if (waiting.length) {
  // A screen ahead, so the drawing is usually ready before the reader gets there.
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      void upgrade(entry.target as HTMLElement);
    }
  }, { rootMargin: '100% 0px' });
  for (const root of waiting) observer.observe(root);
  document.addEventListener(UPGRADE_EVENT, () => {
    for (const root of waiting) { observer.unobserve(root); void upgrade(root); }
  });
  // A reader's own print must find every picture loaded, and browsers print without waiting
  // for a lazy image (crbug.com/875403). So once the page has loaded and the browser is idle, the
  // pictures still waiting load too: light as images (no layout of their markup), off the first
  // render. beforeprint is the last chance for a print that comes sooner.
  const loadAll = () => { for (const img of document.querySelectorAll<HTMLImageElement>('img.roadmap-picture')) img.loading = 'eager'; };
  const whenIdle = (run: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 5000 }) : setTimeout(run, 2000));
  if (document.readyState === 'complete') whenIdle(loadAll);
  else addEventListener('load', () => whenIdle(loadAll), { once: true });
  addEventListener('beforeprint', loadAll);
}
