/**
 * Citations of the plan and of every place in it: the place as cited (place.ts), its entry and
 * GB/T 7714 reference (entry.ts, gbt.ts), and the RIS, BibTeX and CSL-JSON files (formats.ts).
 */
export * from './gbt.ts';
export * from './place.ts';
export * from './entry.ts';
export * from './formats.ts';
export * from './files.ts';
