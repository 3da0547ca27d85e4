/**
 * /cite/: with script, the placeholders the reader would fill in by hand are filled in — the
 * access date (today, the reader's calendar) and, when the edition has no fixed address, the
 * address the reader is using. Without script the page reads the same, with the placeholders.
 */
import { accessDate } from '../lib/cite/gbt.ts';

const today = accessDate(new Date());
for (const v of document.querySelectorAll<HTMLElement>('.cite-reference var.cite-accessed')) v.replaceWith(today);
// The entries' paths already hold the base path: the address the reader uses is its origin.
for (const v of document.querySelectorAll<HTMLElement>('.cite-reference var.cite-origin')) v.replaceWith(location.origin);
