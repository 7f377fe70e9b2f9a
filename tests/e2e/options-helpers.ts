// Helpers of the options page e2e tests: the page itself, a local HTTP server standing in for a company's
// policy URL (ETag, 304, CORS, any status), and policies derived from the demo.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { stringify } from 'yaml';
import { DEMO_POLICY } from '../../utils/policy/demo';
import type { Harness } from './harness';

export interface ServedRequest {
  method: string;
  path: string;
  ifNoneMatch: string | null;
  status: number;
}

export interface PolicyServer {
  /** http://127.0.0.1:<port><path> */
  url(path: string): string;
  /** What `path` answers from now on: a body (with its ETag) or a bare status. */
  serve(path: string, answer: { body: string } | { status: number }): void;
  requests: ServedRequest[];
  close(): Promise<void>;
}

/**
 * A policy server as a company might run one: ETag on every body, 304 for a matching If-None-Match, and the
 * CORS headers that let the extension read it without a host permission (a headless browser cannot answer
 * the permission prompt).
 */
export async function startPolicyServer(): Promise<PolicyServer> {
  const answers = new Map<string, { body: string } | { status: number }>();
  const requests: ServedRequest[] = [];
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'if-none-match, accept',
    'access-control-expose-headers': 'etag',
  };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const ifNoneMatch = (req.headers['if-none-match'] as string | undefined) ?? null;
    const reply = (status: number, headers: Record<string, string> = {}, body = '') => {
      requests.push({ method: req.method ?? '', path, ifNoneMatch, status });
      res.writeHead(status, { ...cors, ...headers });
      res.end(body);
    };
    if (req.method === 'OPTIONS') return reply(204);
    const answer = answers.get(path);
    if (!answer) return reply(404);
    if ('status' in answer) return reply(answer.status, {}, 'server error');
    const etag = `"${createHash('sha256').update(answer.body).digest('hex').slice(0, 16)}"`;
    if (ifNoneMatch === etag) return reply(304, { etag });
    return reply(200, { etag, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }, answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    serve: (path, answer) => void answers.set(path, answer),
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The harness aborts every http(s) request it does not serve; let the policy server's through. */
export async function allowPolicyServer(h: Harness, server: PolicyServer): Promise<void> {
  await h.context.route(`${server.url('')}/**`, (route) => route.continue());
}

type Rule = { id: string } & Record<string, unknown>;

/** The demo policy renamed, with some rules dropped and some added: a policy that differs in known ways. */
export function demoVariant(name: string, change: { drop?: string[]; add?: Rule[] } = {}): Record<string, unknown> {
  const rules = (DEMO_POLICY.rules as Rule[]).filter((r) => !change.drop?.includes(r.id));
  return { ...DEMO_POLICY, name, rules: [...rules, ...(change.add ?? [])] };
}

export const asYaml = (policy: unknown) => stringify(policy);
export const asJson = (policy: unknown) => `${JSON.stringify(policy, null, 2)}\n`;

/** A new tab on the options page, once the active policy is shown. Page errors are collected in `errors`. */
export async function openOptions(h: Harness, errors: string[] = []): Promise<Page> {
  const page = await h.context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(h.extensionUrl('options.html'));
  await page.locator('[data-policy-active]').waitFor();
  return page;
}

/** The active policy as the options page shows it: its name and source. */
export async function shownPolicy(page: Page): Promise<{ name: string; source: string | null }> {
  const active = page.locator('[data-policy-active]');
  return { name: (await active.locator('.name strong').innerText()).trim(), source: await active.getAttribute('data-source') };
}
