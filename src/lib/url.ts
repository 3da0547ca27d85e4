/** Joins a site-relative path onto the configured base path ("/" or "/sub/"). */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
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
