import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { upgradeFigures } from '../../pipeline/figure-drawings.ts';
import { builtPages } from '../../pipeline/pages.ts';

// axe-core with the WCAG 2.1 A/AA rules on every built page, in both colour schemes, with its
// figures in their final, interactive state (figures.spec.ts checks a page of pictures, no script).
const pages = builtPages();

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });
    for (const path of pages) {
      test(path, async ({ page }) => {
        // axe checks every node of the page: the longest pages (/plan/, 五, /targets/) take 20–40 s
        // on a quiet machine and over a minute on a busy one. A timeout only catches a hang here.
        test.setTimeout(180_000);
        await page.goto(path);
        expect(await upgradeFigures(page), 'figures not upgraded').toEqual([]);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}
