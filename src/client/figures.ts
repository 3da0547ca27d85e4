/**
 * Progressive enhancement for the rebuilt figures (the SVG is complete without it):
 * - hovering or focusing a node highlights the chains of its categories across the columns;
 * - a tooltip quotes the source sentence (taken from the node's data-quote: no fetch);
 * - the category filter (rendered hidden) is shown and dims the chains switched off;
 * - arrow keys move between nodes: ↑/↓ within a column, ←/→ to the nearest node next door.
 * Enter follows the node's link natively. No d3 on the client.
 */

const ON = 'rm-on';

function setup(root: HTMLElement): void {
  const svg = root.querySelector<SVGSVGElement>('svg.roadmap');
  if (!svg) return;
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

  // Arrow keys: same column up/down; next column the node nearest in height.
  const centre = (a: Element) => { const b = a.getBoundingClientRect(); return [b.left + b.width / 2, b.top + b.height / 2] as const; };
  svg.addEventListener('keydown', (event) => {
    const a = (event.target as Element).closest?.('a.rm-node') as SVGAElement | null;
    if (!a || !['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.key)) return;
    const usable = nodes.filter((n) => !n.classList.contains('rm-off'));
    const [x, y] = centre(a);
    const vertical = event.key === 'ArrowUp' || event.key === 'ArrowDown';
    const sign = event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? -1 : 1;
    let best: SVGAElement | undefined;
    let bestScore = Infinity;
    for (const n of usable) {
      if (n === a) continue;
      const [nx, ny] = centre(n);
      const along = vertical ? (ny - y) * sign : (nx - x) * sign;
      const across = vertical ? Math.abs(nx - x) : Math.abs(ny - y);
      if (along <= 1 || (vertical && across > 4)) continue;
      const score = along + across * 3;
      if (score < bestScore) { bestScore = score; best = n; }
    }
    if (best) { event.preventDefault(); best.focus(); }
  });

  // The category filter.
  const filter = root.querySelector<HTMLFieldSetElement>('.roadmap-filter');
  if (!filter) return;
  const boxes = [...filter.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const apply = () => {
    const shown = boxes.filter((b) => b.checked).map((b) => b.value);
    for (const el of parts) {
      const off = !cats(el).some((c) => shown.includes(c));
      el.classList.toggle('rm-off', off);
      if (el instanceof SVGAElement) el.setAttribute('tabindex', off ? '-1' : '0');
    }
  };
  filter.addEventListener('change', apply);
  filter.querySelector('[data-all]')?.addEventListener('click', () => { for (const b of boxes) b.checked = true; apply(); });
  filter.hidden = false;
}

for (const root of document.querySelectorAll<HTMLElement>('[data-roadmap]')) setup(root);
