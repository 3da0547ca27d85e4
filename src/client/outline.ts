// Progressive enhancement: mark the section being read in the sidebar outline. Without it the
// outline still marks the current chapter (aria-current="page", rendered at build time).
const links = new Map<string, HTMLAnchorElement>();
document.querySelectorAll<HTMLAnchorElement>('.outline a[data-outline-id]').forEach((a) => links.set(a.dataset.outlineId!, a));
const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((el): el is HTMLElement => el !== null);

if (headings.length && 'IntersectionObserver' in window) {
  let current: HTMLAnchorElement | undefined;
  const visible = new Set<Element>();
  const mark = () => {
    const top = headings.find((h) => visible.has(h));
    const next = top ? links.get(top.id) : undefined;
    if (!next || next === current) return;
    current?.classList.remove('is-current');
    current?.removeAttribute('aria-current');
    next.classList.add('is-current');
    next.setAttribute('aria-current', 'location');
    current = next;
  };
  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) (e.isIntersecting ? visible.add(e.target) : visible.delete(e.target));
    mark();
  }, { rootMargin: '-10% 0px -60% 0px' });
  headings.forEach((h) => observer.observe(h));
}
