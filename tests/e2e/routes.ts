// Serves the composer test pages under the real site URLs. Every http(s) request from the browser
// goes through here: the sites' documents get the page shells, their "CDN" script URLs get the
// bundles, and anything else is aborted and recorded, so a test never touches the network.
// chrome-extension:// (and other non-http) URLs are never routed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Request, Route } from 'playwright-core';
import { PAGES_OUT } from './build-pages';

/** Site origins (as Playwright URL globs) and the page shell each serves for any document path. */
export const SITE_PAGES: Record<string, string> = {
  'https://x.com/**': 'x.html',
  'https://twitter.com/**': 'x.html',
  'https://www.linkedin.com/**': 'linkedin.html',
};

/** The bundles, at the CDN URLs the page shells load them from. */
export const ASSETS: Record<string, string> = {
  'https://abs.twimg.com/responsive-web/client-web/main.portavoce-fixture.js': 'x.js',
  'https://static.licdn.com/aero-v1/sc/h/portavoce-fixture-linkedin.js': 'linkedin.js',
};

export type RequestOutcome = 'page' | 'asset' | 'not-found' | 'aborted';

export interface RequestRecord {
  url: string;
  method: string;
  resourceType: string;
  outcome: RequestOutcome;
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

function serve(route: Route, file: string): Promise<void> {
  const ext = file.slice(file.lastIndexOf('.') + 1);
  return route.fulfill({
    status: 200,
    headers: { 'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' },
    body: readFileSync(join(PAGES_OUT, file)),
  });
}

export async function installRoutes(context: BrowserContext, log: RequestRecord[]): Promise<void> {
  const record = (request: Request, outcome: RequestOutcome) =>
    log.push({ url: request.url(), method: request.method(), resourceType: request.resourceType(), outcome });

  // Registered first so that it runs last: Playwright tries the most recently registered route first.
  await context.route(/^https?:\/\//, async (route, request) => {
    const asset = ASSETS[request.url().split('#')[0]!];
    if (asset) {
      record(request, 'asset');
      return serve(route, asset);
    }
    record(request, 'aborted');
    return route.abort('blockedbyclient');
  });
  for (const [pattern, page] of Object.entries(SITE_PAGES)) {
    await context.route(pattern, async (route, request) => {
      if (request.resourceType() === 'document') {
        record(request, 'page');
        return serve(route, page);
      }
      // favicon.ico, API calls and the like: the fixture site has none.
      record(request, 'not-found');
      return route.fulfill({ status: 404, body: '' });
    });
  }
}
