/**
 * The figures' light colours: the presentation attributes of every SVG (so a downloaded file
 * stands alone) and the stylesheet of 图1's standalone file. On the page, src/styles/figures.css
 * maps the same roles to the page's custom properties (light and dark), which override them.
 */
export const LIGHT = {
  fg: '#1b1b1b',
  muted: '#555555',
  bg: '#fdfdfb',
  panel: '#f2f1ec',
  border: '#767676',
  link: '#6b6b6b',
  tones: ['#1d4e89', '#2e6b30', '#9a4a00', '#6a3d9a', '#00697a', '#a3271f'],
};

/** The colour of a category's chain (1-based); 0 is "shared or none". */
export function toneColour(tone: number): string {
  return tone ? LIGHT.tones[(tone - 1) % LIGHT.tones.length]! : LIGHT.link;
}

/** How each basis of a link is drawn, so the three read apart without colour. */
export const BASIS_DASH: Record<'stated' | 'shared' | 'judgement', string | undefined> = { stated: undefined, shared: '1.5 3', judgement: '6 4' };
