// The same browser the tests use (see playwright.config.ts).
export { chromiumArgs, chromiumPath } from '../playwright.config.ts';
