// citation-js ships no types; this is the part of its API the tests use to parse citations back.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: string | object);
    /** The parsed items, as CSL-JSON. */
    data: unknown[];
  }
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
