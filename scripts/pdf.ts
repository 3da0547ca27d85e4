/** Build step: print chapter PDFs from the built pages. Filled in with the print work. */
export async function renderPdfs(_outDir: string): Promise<void> {}
