// Accessibility: axe-core (injected by the test; the pages' CSP forbids nothing the DevTools protocol runs)
// on the popup and the options page, in English and Italian, with the playground showing findings.
// No serious or critical violation is allowed.
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const results = await (globalThis as any).axe.run(document, { resultTypes: ['violations'] });
    return (results.violations as any[]).map((v) => ({
      id: v.id as string, impact: v.impact as string | null, help: v.help as string,
      targets: (v.nodes as any[]).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function open(path: string, ready: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(h.extensionUrl(path));
  await page.locator(ready).first().waitFor();
  return page;
}

describe('axe-core: no serious or critical violations', () => {
  it('popup', async () => {
    const page = await open('popup.html', '#app > *');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('options page, with the playground showing findings, in English and Italian', async () => {
    const page = await open('options.html', '[data-policy-active]');
    await page.locator('textarea[data-playground]').fill('Project Phoenix is GREAT!!! Mail me at a@b.example');
    await page.locator('[data-finding]').first().waitFor({ state: 'attached' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('select[data-language-select]').selectOption('it');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('it');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('select[data-language-select]').selectOption('auto');
    await page.close();
  });
});
