/**
 * Joins a site-relative path onto the base path ("/" or "/sub/"). Inside Astro and in the browser
 * the base is the configured one; plain Node code (build steps, tests) passes deployment().base,
 * and without it gets the domain root.
 */
export function withBase(path: string, base: string = import.meta.env?.BASE_URL ?? '/'): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${path.replace(/^\//, '')}`;
}

/** The page that shows a chapter: the preamble lives on the home page. */
export function chapterPath(chapter: number): string {
  return chapter === 0 ? '' : `chapters/${chapter}/`;
}

/** Where an id of the plan is shown on the chapter pages. */
export function idHref(id: string, chapter: number, base?: string): string {
  return `${withBase(chapterPath(chapter), base)}#${id}`;
}
