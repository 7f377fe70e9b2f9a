import { LEVELS } from '../types';
import { defineRuleKind, ruleBase, type RuleHit, type ZodApi } from './define';

/** Hosts whose links hide where they lead (their subdomains too). */
export const LINK_SHORTENERS: ReadonlySet<string> = new Set([
  'bit.do', 'bit.ly', 'bl.ink', 'buff.ly', 'cutt.ly', 'dlvr.it', 'goo.gl', 'is.gd', 'lnkd.in', 'ow.ly', 'rb.gy',
  'rebrand.ly', 's.id', 'shorte.st', 'shorturl.at', 'snip.ly', 't.co', 't.ly', 'tiny.cc', 'tinyurl.com', 'v.gd',
]);

const SHORTENER_MESSAGE = {
  en: '“{domain}” is a link shortener: it hides where the link goes. Use the full address.',
  it: '«{domain}» è un accorciatore di link e nasconde la destinazione: usa l’indirizzo completo.',
};

const domain = (z: ZodApi) => z
  .string()
  .trim()
  .regex(/^(?:[\p{L}\p{N}_-]+\.)+[\p{L}\p{N}-]+\.?$/u, 'a domain such as "acme.example", without "https://" or a path');

const bareHost = (host: string): string => (host.endsWith('.') ? host.slice(0, -1) : host).toLowerCase();

/** The one of `domains` that `host` is, or is a subdomain of ("blog.acme.example" of "acme.example"). */
function domainOf(host: string, domains: ReadonlySet<string>): string | undefined {
  for (let at = 0; ; ) {
    const suffix = host.slice(at);
    if (domains.has(suffix)) return suffix;
    const dot = host.indexOf('.', at);
    if (dot < 0) return undefined;
    at = dot + 1;
  }
}

export const linksRule = defineRuleKind({
  kind: 'links',
  summary: 'Links only to the `allow`ed domains and their subdomains (no `allow`: any); `shorteners` (a level) flags bit.ly, t.co and the like.',
  schema: (z) => z.strictObject({
    ...ruleBase(z),
    kind: z.literal('links'),
    allow: z.array(domain(z)).optional(),
    shorteners: z.enum(LEVELS).optional(),
  }),
  validate: (rule) =>
    rule.allow === undefined && rule.shorteners === undefined
      ? [{ path: ['allow'], message: 'give `allow`, `shorteners` or both: without them no link is ever flagged' }]
      : [],
  defaultMessage: {
    en: 'Links to “{domain}” are not allowed: the policy lists the sites you may link to.',
    it: 'I link a «{domain}» non sono ammessi: la policy elenca i siti a cui puoi rimandare.',
  },
  compile: (rule) => ({
    allow: rule.allow && new Set(rule.allow.map(bareHost)),
    shorteners: rule.shorteners,
  }),
  run({ allow, shorteners }, input) {
    const hits: RuleHit[] = [];
    for (const e of input.entities()) {
      if (e.type !== 'url') continue;
      const host = bareHost(e.value);
      // An explicitly allowed domain wins, even a shortener's; a shortener is flagged as one, not also as foreign.
      if (allow && domainOf(host, allow)) continue;
      const shortener = shorteners && domainOf(host, LINK_SHORTENERS);
      if (shortener) {
        hits.push({ start: e.start, end: e.end, level: shorteners, vars: { domain: shortener }, defaultMessage: SHORTENER_MESSAGE });
      } else if (allow) {
        hits.push({ start: e.start, end: e.end, vars: { domain: host } });
      }
    }
    return hits;
  },
});
