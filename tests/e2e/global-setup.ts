// Before any e2e file runs: the Chrome and Firefox builds and the test pages, once, so that files running
// side by side (PORTAVOCE_E2E_WORKERS) never build under each other's browser.
import { buildPages } from './build-pages';
import { ensureExtensionBuilt, ensureFirefoxBuilt } from './harness';

export default async function setup(): Promise<void> {
  ensureExtensionBuilt();
  ensureFirefoxBuilt();
  await buildPages();
}
