/** The query parameter that carries the search terms to the page a result links to. */
export const HIGHLIGHT_PARAM = 'highlight';
/** How many hits the header panel lists before pointing to the search page. */
export const PANEL_LIMIT = 8;
