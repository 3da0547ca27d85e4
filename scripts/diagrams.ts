/** Build step: render the Mermaid figure (图1) to static SVG. Filled in with the figures work. */
export async function renderDiagrams(): Promise<void> {}
