/**
 * Citation dialog: reveals the "引用" buttons and, on first use, builds the page's one <dialog>
 * with the three citation forms, each with a copy button. Escape closes (native dialog), focus
 * returns to the button that opened it, and copying is announced through a live region.
 */
import { site } from '../config/site.ts';
import { accessDate, citation, type Citation } from '../lib/cite/gbt.ts';
import { idHref, withBase } from '../lib/url.ts';

const FORMS: { key: keyof Citation; label: string }[] = [
  { key: 'reference', label: '参考文献（GB/T 7714-2015）' },
  { key: 'short', label: '简短引注' },
  { key: 'url', label: '链接' },
];

let dialog: HTMLDialogElement | undefined;
let opener: HTMLButtonElement | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/**
 * The permanent URL: the chapter page with the anchor, on the deployer's origin when the page
 * names one (its canonical link, only with SITE_URL), else on the address the reader has.
 */
function permanentUrl(id: string, chapter: number): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href ?? location.href;
  return new URL(idHref(id, chapter), canonical).href;
}

/** This edition's date (更新或修改日期), stated by the page's citation hint. */
function editionDate(): string | undefined {
  return document.querySelector<HTMLElement>('[data-edition]')?.dataset.edition || undefined;
}

function buildDialog(): HTMLDialogElement {
  const status = el('p', { className: 'cite-status', role: 'status' });
  status.setAttribute('aria-live', 'polite');
  const d = el('dialog', { className: 'cite-dialog' }, el('h2', { id: 'cite-title' }));
  d.setAttribute('aria-labelledby', 'cite-title');
  d.dataset.ui = '';
  d.dataset.pagefindIgnore = 'all';
  for (const { key, label } of FORMS) {
    const text = el('p', { className: 'cite-text', id: `cite-${key}` });
    const copy = el('button', { type: 'button', textContent: '复制' });
    copy.setAttribute('aria-label', `复制${label}`);
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text.textContent ?? '');
        status.textContent = `已复制${label}`;
      } catch {
        getSelection()?.selectAllChildren(text);
        status.textContent = '无法自动复制，已选中文本，请按 Ctrl+C 复制';
      }
    });
    d.append(el('h3', { id: `cite-${key}-label` }, label), el('div', { className: 'cite-form' }, text, copy));
    text.setAttribute('aria-labelledby', `cite-${key}-label`);
  }
  const more = el('p', { className: 'cite-more' }, el('a', { id: 'cite-more-link', textContent: '引用页：全部引用与 RIS、BibTeX、CSL-JSON 文件' }));
  const close = el('button', { type: 'button', className: 'cite-close', textContent: '关闭' });
  close.addEventListener('click', () => d.close());
  d.append(status, more, close);
  d.addEventListener('close', () => {
    opener?.setAttribute('aria-expanded', 'false');
    opener?.focus();
  });
  document.body.append(d);
  return d;
}

function open(button: HTMLButtonElement): void {
  dialog ??= buildDialog();
  const { cite: id = '', place = '', chapter = '0' } = button.dataset;
  const forms = citation(site, { place, url: permanentUrl(id, Number(chapter)), updated: editionDate() }, accessDate(new Date()));
  dialog.querySelector('#cite-title')!.textContent = `引用 ${place}`;
  dialog.querySelector<HTMLAnchorElement>('#cite-more-link')!.href = `${withBase('cite/')}#${id}`;
  for (const { key } of FORMS) dialog.querySelector(`#cite-${key}`)!.textContent = forms[key];
  dialog.querySelector('.cite-status')!.textContent = '';
  opener = button;
  button.setAttribute('aria-expanded', 'true');
  dialog.showModal();
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-cite]')) {
  button.setAttribute('aria-label', `引用 ${button.dataset.place ?? ''}`);
  button.setAttribute('aria-haspopup', 'dialog');
  button.hidden = false;
}
document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest?.<HTMLButtonElement>('button[data-cite]');
  if (button) open(button);
});
