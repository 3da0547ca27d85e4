import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPages } from './fixtures.ts';

// axe-core with the WCAG 2.1 A/AA rules on every built page, in both colour schemes.
const pages = builtPages();

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });
    for (const path of pages) {
      test(path, async ({ page }) => {
        // The whole plan is all six chapters on one page: axe takes 20–40 s on it on a quiet
        // machine, so the usual 60 s ran out on a busy one (3 of 6 runs with --repeat-each=3).
        test.slow(path === '/plan/', 'axe on the whole plan');
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  });
}
