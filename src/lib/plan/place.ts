/** How a paragraph's place is written everywhere (labels, citations, figure sources): 四（三）1（10）第2段. */
export function paragraphPlace(sectionPath: string, n: number): string {
  return `${sectionPath}第${n}段`;
}
