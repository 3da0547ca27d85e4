/**
 * The only search code every page loads: the shortcuts (/ and Ctrl+K / ⌘K) and the trigger that
 * fetches the real search code on first use. Highlighting on arrival is loaded only when the
 * URL asks for it. Without JavaScript the header box is a plain form to /search/.
 */
import { HIGHLIGHT_PARAM } from '../../lib/search/params.ts';

const form = document.querySelector<HTMLFormElement>('form[data-search-box]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');

if (form && input) {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    import('./panel.ts').then((m) => m.attachPanel(form, input)).catch((error) => console.error(error));
  };
  input.addEventListener('focus', start, { once: true });
  input.addEventListener('input', start, { once: true });

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const target = event.target as HTMLElement | null;
    const editing = !!target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
    const slash = event.key === '/' && !editing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const ctrlK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
    if (!slash && !ctrlK) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
  import('./highlight.ts').then((m) => m.highlightFromUrl()).catch((error) => console.error(error));
}
