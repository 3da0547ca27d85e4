/** Build step: the Pagefind search index. Filled in with the search work. */
export async function buildSearchIndex(_outDir: string): Promise<void> {}
