// End-to-end harness: Debian's Chromium with the built extension, the composer test pages served
// under the real site URLs, and small helpers for the tests.
//
//   const h = await launchHarness();            // beforeAll (builds extension and pages if stale)
//   const page = await h.openPage('https://x.com/home');
//   ...
//   await h.close();                            // afterAll
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { buildPages, ROOT } from './build-pages';
import { installRoutes, type RequestRecord } from './routes';

export type { RequestRecord } from './routes';

export const CHROMIUM = process.env.PORTAVOCE_CHROMIUM ?? '/usr/bin/chromium';
/** PORTAVOCE_OUT_DIR gives a build directory of its own (e.g. two test runs side by side); '.output' by default. */
export const OUT_DIR = process.env.PORTAVOCE_OUT_DIR ?? '.output';
export const EXTENSION_DIR = resolve(ROOT, OUT_DIR, 'chrome-mv3');
export const ARTIFACTS = join(ROOT, 'tests/e2e/.artifacts');
/** What the extension build is made from: a change in any of them triggers `wxt build`. */
const EXTENSION_SOURCES = ['entrypoints', 'components', 'utils', 'public', 'assets', 'locales', 'wxt.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function extensionIsFresh(): boolean {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const sources = EXTENSION_SOURCES.map((p) => join(ROOT, p)).filter((p) => existsSync(p));
  return Math.max(...sources.map(newestMtime)) <= statSync(manifest).mtimeMs;
}

/** Runs `npx wxt build` when .output/chrome-mv3 is missing or older than its sources. PORTAVOCE_SKIP_BUILD=1 skips it. */
export function ensureExtensionBuilt(): string {
  const skip = process.env.PORTAVOCE_SKIP_BUILD === '1';
  if (!skip && !extensionIsFresh()) {
    const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    if (result.status !== 0) throw new Error(`wxt build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No extension build in ${EXTENSION_DIR}`);
  return EXTENSION_DIR;
}

export const FIREFOX_DIR = resolve(ROOT, OUT_DIR, 'firefox-mv3');

/** Runs `npx wxt build -b firefox --mv3` when the Firefox build is missing or older than its sources. */
export function ensureFirefoxBuilt(): string {
  const manifest = join(FIREFOX_DIR, 'manifest.json');
  const sources = EXTENSION_SOURCES.map((p) => join(ROOT, p)).filter((p) => existsSync(p));
  const fresh = existsSync(manifest) && Math.max(...sources.map(newestMtime)) <= statSync(manifest).mtimeMs;
  if (process.env.PORTAVOCE_SKIP_BUILD !== '1' && !fresh) {
    const result = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    if (result.status !== 0) throw new Error(`wxt build -b firefox failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  if (!existsSync(manifest)) throw new Error(`No Firefox build in ${FIREFOX_DIR}`);
  return FIREFOX_DIR;
}

export interface OpenPageOptions {
  /** Wait for this selector (light DOM or open shadow roots) after load. */
  waitFor?: string;
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  extensionPath: string;
  /** Every http(s) request the browser made, in order, with what the routes did with it. */
  requests: RequestRecord[];
  /** Requests the routes aborted (anything not a fixture site page or bundle). */
  aborted(): RequestRecord[];
  /** A new tab at `url` (a real site URL), once the fixture page has started. */
  openPage(url: string, options?: OpenPageOptions): Promise<Page>;
  /** Uncaught page errors and console errors of a page opened with openPage. */
  errors(page: Page): string[];
  /** chrome-extension://<id>/<path> */
  extensionUrl(path: string): string;
  /** Saves a PNG under tests/e2e/.artifacts/screenshots/ and returns its path. */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  /** false: the same browser and pages WITHOUT the extension (to compare the sites with and without it). Default true. */
  extension?: boolean;
  /** A profile directory to (re)use, kept on close: a second launch sees what the first one stored. Default: a fresh one, removed on close. */
  userDataDir?: string;
  /** Another unpacked build to load instead of .output/chrome-mv3 (a test's altered copy of it). */
  extensionPath?: string;
  /** More Chromium switches (e.g. a net log). */
  args?: string[];
}

export async function launchHarness(options: LaunchOptions = {}): Promise<Harness> {
  const withExtension = options.extension ?? true;
  const extensionPath = !withExtension ? '' : options.extensionPath ?? ensureExtensionBuilt();
  await buildPages();
  const keepProfile = options.userDataDir !== undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'portavoce-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      '--headless=new',
      ...(withExtension ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`] : ['--disable-extensions']),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
  try {
    const requests: RequestRecord[] = [];
    await installRoutes(context, requests);
    // Without the extension there is no service worker and no extension id ('').
    const worker = !withExtension ? null : context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = worker ? new URL(worker.url()).host : '';
    const pageErrors = new WeakMap<Page, string[]>();

    return {
      context,
      extensionId,
      extensionPath,
      requests,
      aborted: () => requests.filter((r) => r.outcome === 'aborted'),
      async openPage(url, openOptions = {}) {
        const page = await context.newPage();
        const errors: string[] = [];
        pageErrors.set(page, errors);
        page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(`console: ${m.text()}`);
        });
        await page.goto(url);
        await page.waitForFunction(() => !!window.fixture);
        if (openOptions.waitFor) await page.locator(openOptions.waitFor).first().waitFor();
        return page;
      },
      errors: (page) => pageErrors.get(page) ?? [],
      extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
      async screenshot(page, name, shotOptions = {}) {
        const dir = join(ARTIFACTS, 'screenshots');
        mkdirSync(dir, { recursive: true });
        const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
        await page.screenshot({ path, fullPage: shotOptions.fullPage ?? false });
        return path;
      },
      async close() {
        await context.close();
        if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Names of the isolated worlds (content scripts) living in the page's main frame: Chromium names
 * an extension's world after the extension (`Portavoce`). Proves the content script was injected.
 */
export async function contentScriptWorlds(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string; isDefault?: boolean } | undefined;
    if (aux?.type === 'isolated') worlds.push(context.name);
  });
  await cdp.send('Runtime.enable'); // reports the contexts that already exist
  await cdp.detach();
  return worlds;
}

/** The editor MODEL's text for an editor element (Draft EditorState, Quill/TipTap getText…). */
export function modelText(editor: Locator): Promise<string | null> {
  return editor.evaluate((el) => window.fixture.modelText(el));
}

/** Texts recorded in #posted, optionally only those of one source (`x-home`, `li-share`…). */
export function postedTexts(page: Page, source?: string): Promise<string[]> {
  return page.evaluate((s) => window.fixture.posted.filter((p) => !s || p.source === s).map((p) => p.text), source);
}
