// A team calendar feed on this machine for the e2e tests: serves `body` with `etag`, answers 304 to a matching
// If-None-Match, and records what it was asked and what it sent. The harness blocks the network; `allow` lets
// one browser context reach this server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';

export interface FeedServer {
  url: string;
  body: string;
  etag: string;
  /** If-None-Match of every GET, in order. */
  requests: { inm?: string }[];
  /** Full answers (200) sent so far. */
  sent: number;
  allow(context: BrowserContext): Promise<void>;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'if-none-match, if-modified-since, accept', 'access-control-expose-headers': 'etag, last-modified' };
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    feed.requests.push({ inm: req.headers['if-none-match'] as string | undefined });
    if (req.headers['if-none-match'] === feed.etag) return res.writeHead(304, cors).end();
    res.writeHead(200, { ...cors, 'content-type': 'text/calendar', etag: feed.etag }).end(feed.body, () => feed.sent++);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const feed: FeedServer = {
    url: `${origin}/team.ics`,
    body: '',
    etag: '"1"',
    requests: [],
    sent: 0,
    allow: async (context) => void (await context.route(`${origin}/**`, (route) => route.continue())),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return feed;
}
