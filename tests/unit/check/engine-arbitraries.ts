// Generators and invariants for property tests of the engine: arbitrary drafts (Unicode of every kind and
// the policy's own words in awkward company), contexts, random valid policies of every rule kind, and the
// checks every result must pass. Used by tests/unit/check/engine.property.test.ts and tests/trust.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { RULE_KINDS } from '../../../utils/check/rules';
import { patternProblem } from '../../../utils/check/rules/pattern/problems';
import { LEVELS, PLATFORMS, SURFACES, type CheckContext, type CheckResult, type Draft, type QuietPeriod, type Span } from '../../../utils/check/types';
import { loadPolicyText } from '../../../utils/policy/load';
import type { Policy } from '../../../utils/policy/schema';
import { validatePolicy } from '../../../utils/policy/validate';

export const example = loadPolicyText(
  readFileSync(fileURLToPath(new URL('../../fixtures/policies/example.yaml', import.meta.url)), 'utf8'),
  'example.yaml',
);

// ---------------------------------------------------------------------------------------------
// Invariants every result must satisfy
// ---------------------------------------------------------------------------------------------

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when offset `i` falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, i: number) => i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));

export function spanProblem(text: string, { start, end }: Span): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `non-integer offsets ${start}..${end}`;
  if (!(start >= 0 && start < end && end <= text.length)) return `offsets ${start}..${end} outside 0 ≤ start < end ≤ ${text.length}`;
  if (splitsPair(text, start)) return `start ${start} cuts a surrogate pair`;
  if (splitsPair(text, end)) return `end ${end} cuts a surrogate pair`;
  return null;
}

/** Every problem with a result, as readable lines (empty when the result is sound). */
export function problemsOf(policy: Policy, text: string, context: CheckContext, result: CheckResult): string[] {
  const problems: string[] = [];
  const ruleIds = new Set(policy.rules.map((rule) => rule.id as string));
  const topicIds = new Set(policy.topics.map((topic) => topic.id));
  let previous = -1;
  for (const f of result.findings) {
    const where = `${f.ruleId} «${f.match}» ${f.start}..${f.end}`;
    const problem = spanProblem(text, f);
    if (problem) problems.push(`${where}: ${problem}`);
    if (f.match !== text.slice(f.start, f.end)) problems.push(`${where}: match is not text.slice(start, end)`);
    if (f.start < previous) problems.push(`${where}: not sorted by start`);
    previous = f.start;
    if (!ruleIds.has(f.ruleId)) problems.push(`${where}: unknown rule id`);
    if (!(LEVELS as readonly string[]).includes(f.level)) problems.push(`${where}: level ${f.level}`);
    if (typeof f.message !== 'string' || f.message.length === 0) problems.push(`${where}: empty message`);
    if (!Array.isArray(f.suggestions) || f.suggestions.some((s) => typeof s !== 'string')) problems.push(`${where}: suggestions`);
  }
  const known = context.memberId !== undefined && policy.members.some((m) => m.id === context.memberId);
  for (const topic of result.topics) {
    if (!topicIds.has(topic.id)) problems.push(`topic ${topic.id}: unknown topic id`);
    if (topic.spans.length === 0) problems.push(`topic ${topic.id}: reported without a span`);
    if (known ? typeof topic.covered !== 'boolean' : topic.covered !== null) {
      problems.push(`topic ${topic.id}: covered is ${topic.covered} with member ${context.memberId}`);
    }
    let last = -1;
    for (const span of topic.spans) {
      const problem = spanProblem(text, span);
      if (problem) problems.push(`topic ${topic.id} ${span.start}..${span.end}: ${problem}`);
      if (span.start < last) problems.push(`topic ${topic.id} ${span.start}..${span.end}: spans not sorted`);
      last = span.start;
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Arbitrary drafts: Unicode of every kind, and the policy's own words in awkward company
// ---------------------------------------------------------------------------------------------

export const exampleWords = [
  ...example.topics.flatMap((t) => [...t.keywords, ...t.hashtags]),
  'Project Phoenix', 'Atlas 2', 'codename Orion', 'c0dename 0rion', 'P.r.o.j.e.c.t Phoenix', 'sh1t', 'f.u.c.k', 'c a z z o',
  'cazzo', 'merda', 'shit', 'ass', 'Ass.', 'acme cloud', 'ACME', 'Acme nova', 'Acme Nova', 'INV-123456', 'INV-12345',
  '@globex', '@Globex', '@globexcorp', 'Globex', 'Initech', '#ad', '#adv', '#adventure', '#pubblicità', '#pubblicita',
  'l\'utile', 'l’utile', 'dell\'evento', 'un\'offerta', 'ｓｃｏｎｔｏ', 'fattu\u200Brato', 'fattu\u00ADrato',
  'bit.ly/x', 'https://t.co/abc', 'lnkd.in/x', 'acme.it', 'https://blog.acme.it/a?b=c', 'linkedin.com/in/x', 'x.com',
  'notx.com', 'x.com.co', 'https://www.linkedin.com/company/acme', 'info@acme.it', 'a.b+c@example.com',
  '+39 02 1234 5678', '333 123 4567', '333.123.4567', '02/8734112', '06/01/2026', 'IT60X0542811101000000123456',
  'IT60 X054 2811 1010 0000 0123 456', '4111 1111 1111 1111', '4111111111111111', '5555-5555-5555-4444', '2025',
  'not good', 'non è male', 'terrible', 'pessimo', 'deluso', 'worst', 'ha', 'dire', 'sue',
];
const pieces = [
  // emoji: VS16, ZWJ sequences, flags, tags, keycaps, modifiers, and their parts alone
  '😀', '❤️', '❤', '©', '©️', '⭐️', '👨‍👩‍👧', '🏳️‍🌈', '🇮🇹', '🇮', '👍🏽', '🏽', '1️⃣', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🖕🏽', '\uFE0F', '\u200D', '\u20E3',
  // combining marks, RTL text and controls, CJK, mathematical letters, full-width
  '\u0301', '\u0308', 'e\u0301', 'E\u0301', '\u0327', 'مرحبا', 'שלום', '\u202E', '\u202C', '\u200F', '\u061C', '日本語', '𝐆𝐑𝐀𝐍𝐃𝐄', '＃ad', '＠globex',
  // white space, line breaks, zero-width and invisible characters
  ' ', '  ', '\r\n', '\n', '\r', '\t', '\u00A0', '\u2028', '\u3000', '\u200B', '\u200C', '\u2060', '\u00AD', '\uFEFF',
  // punctuation the rules care about
  '!', '?', '!!', '?!', '!!!', '...', '…', '\'', '’', '#', '@', '.', '/', ':', '-', '_', '*', '(', ')', '«', '»', '"',
  // lone surrogates
  '\uD83D', '\uDE00', '\uDBFF', '\uDC00',
  // capitals
  'ATTENZIONE', 'HUGE NEWS', 'A', 'È',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyUnit = fc.oneof({ weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: loneSurrogate });

export function tokens(words: readonly string[]) {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...words) },
    { weight: 5, arbitrary: fc.constantFrom(...pieces) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: anyUnit, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.nat({ max: 99_999_999 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom(...words).map((w) => w.toUpperCase()) },
  );
}

/** Drafts: plain arbitrary strings of several kinds, and mixes of the policy's words with awkward pieces. */
export function texts(words: readonly string[]) {
  return fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 120 }),
    fc.string({ unit: 'grapheme-composite', maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc.string({ unit: anyUnit, maxLength: 80 }),
    fc.array(tokens(words), { maxLength: 40 }).map((t) => t.join('')),
    fc.array(tokens(words), { maxLength: 40 }).map((t) => t.join(' ')),
    fc.array(tokens(words), { minLength: 200, maxLength: 700 }).map((t) => t.join(' ')), // past X's and LinkedIn's limits
  );
}

const isoish = fc.oneof(
  fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }).map((t) => new Date(t).toISOString()),
  fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10)),
  fc.constantFrom('20261201', '20261201T090000Z', '2026-12-01T09:00:00+01:00', 'not a date', ''),
);

export function contexts(policy: Policy) {
  const topicIds = policy.topics.map((t) => t.id);
  const period: fc.Arbitrary<QuietPeriod> = fc.record(
    {
      id: fc.string({ minLength: 1, maxLength: 6 }),
      title: fc.string({ maxLength: 20 }),
      start: isoish,
      end: isoish,
      topics: fc.subarray([...topicIds, 'no-such-topic']),
    },
    { requiredKeys: ['id', 'title', 'start', 'topics'] },
  );
  return fc.record(
    {
      memberId: fc.constantFrom(...policy.members.map((m) => m.id), 'ghost'),
      now: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }),
      quietPeriods: fc.array(period, { maxLength: 3 }),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<CheckContext>;
}

export const drafts = (words: readonly string[]): fc.Arbitrary<Draft> =>
  fc.record({ text: texts(words), platform: fc.constantFrom(...PLATFORMS), surface: fc.constantFrom(...SURFACES) });

// ---------------------------------------------------------------------------------------------
// Random valid policies
// ---------------------------------------------------------------------------------------------

const level = fc.constantFrom(...LEVELS);
const nonBlank = (s: string) => s.trim().length > 0;
/** Words for terms, names, keywords and swaps: real ones, odd ones, and random Unicode. */
const phrase = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...exampleWords) },
  { weight: 2, arbitrary: fc.constantFrom('scont*', 'a*', '*', '**', ' x ', 'é', 'e\u0301', '😀', '❤️', 'ß', 'İ', 'ﬁ', 'ǅ', '\u200B', 'x\u200By', '\'', 'l\'', '日本', '1', 'a b  c', '\u00A0') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) },
);
const term = phrase.filter(nonBlank);
const noSpace = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }).filter((s) => !/\s/u.test(s));
const hashtag = fc.oneof(fc.constantFrom('#ad', '#AcmeSupport', '#pubblicità', '#1', '##', '#😀', '#a\u0301'), noSpace.map((s) => `#${s}`));
const message = fc.oneof(
  fc.constantFrom('{match}', '«{match}» → {suggestion}', '{topic} {count}/{max} {end} {title} {domain} {nope}', '$& {match} $1', '{', '}{'),
  fc.record({ en: fc.constantFrom('{match}!', 'EN {count}'), it: fc.constantFrom('{match}?', 'IT {max}') }, { requiredKeys: [] }).filter(
    (m) => Object.keys(m).length > 0,
  ),
  fc.string({ minLength: 1, maxLength: 30 }),
);
const domain = fc.oneof(
  fc.constantFrom('acme.example', 'linkedin.com', 'x.com', 'bit.ly', 't.co', 'acme.it', 'xn--caf-dma.fr', 'café.it', 'a.b.c.d', 'example.com.'),
  fc.tuple(fc.stringMatching(/^[a-z0-9-]{1,10}$/), fc.stringMatching(/^[a-z]{2,6}$/)).map(([a, b]) => `${a}.${b}`),
);
/** RE2 patterns that compile and cannot match the empty string. */
const pattern = fc
  .oneof(
    fc.constantFrom('INV-[0-9]{6}', '\\d+', '[A-Z]{2,}', '(?i)acme', '\\bsconto\\b', 'a|b', '\\x{1F600}', '\\p{Lu}+', '.', '[\\s\\S]', '\\$\\S+', '(?s).+'),
    fc.array(
      fc.tuple(
        fc.constantFrom('a', 'x', '\\d', '\\w', '\\s', '[0-9]', '[à-ù]', '.', '\\.', '\\$', '😀', '(?:ab|c)', '\\p{L}', '[^a]'),
        fc.constantFrom('', '+', '{1,3}', '{2}', '*', '?'),
      ),
      { minLength: 1, maxLength: 5 },
    ).map((parts) => parts.map(([atom, q]) => atom + q).join('')),
  )
  .filter((p) => patternProblem(p, false) === null && patternProblem(p, true) === null);

interface Ids {
  topics: string[];
}

export function ruleOf(kind: string, ids: Ids): fc.Arbitrary<Record<string, unknown>> {
  const base = { level, message: message };
  const keys = (extra: Record<string, fc.Arbitrary<unknown>>, required: string[]) =>
    fc.record({ kind: fc.constant(kind), ...base, ...extra }, { requiredKeys: ['kind', 'level', ...required] as never[] }) as fc.Arbitrary<
      Record<string, unknown>
    >;
  switch (kind) {
    case 'capitals':
      return keys({ maxRatio: fc.double({ min: 0, max: 1, noNaN: true }), minLetters: fc.nat({ max: 40 }) }, []);
    case 'disclosure':
      return keys(
        { when: fc.record({ topics: fc.subarray(ids.topics, { minLength: 1 }) }), require: fc.array(hashtag, { minLength: 1, maxLength: 3 }) },
        ['when', 'require'],
      );
    case 'emoji':
      return keys({ max: fc.nat({ max: 5 }) }, ['max']);
    case 'hashtags':
      return keys(
        {
          max: fc.oneof(
            fc.nat({ max: 5 }),
            fc.record({ x: fc.nat({ max: 5 }), linkedin: fc.nat({ max: 5 }) }, { requiredKeys: [] }).filter((m) => Object.keys(m).length > 0),
          ),
        },
        ['max'],
      );
    case 'length':
    case 'quiet-period':
      return keys({}, []);
    case 'links':
      return keys({ allow: fc.array(domain, { maxLength: 4 }), shorteners: level }, []).filter((r) => 'allow' in r || 'shorteners' in r);
    case 'mentions':
      return keys(
        { handles: fc.array(fc.oneof(fc.constantFrom('@globex', '@Initech'), fc.stringMatching(/^@[A-Za-z0-9_]{1,8}$/)), { maxLength: 3 }), names: fc.array(term, { maxLength: 3 }) },
        [],
      ).filter((r) => ((r.handles as unknown[] | undefined)?.length ?? 0) + ((r.names as unknown[] | undefined)?.length ?? 0) > 0);
    case 'pattern':
      return keys({ pattern, ignoreCase: fc.boolean() }, ['pattern']);
    case 'pii':
      return keys({ detect: fc.subarray(['email', 'phone', 'iban', 'card'], { minLength: 1 }) }, ['detect']);
    case 'punctuation':
      return keys({ maxRepeat: fc.integer({ min: 1, max: 4 }) }, []);
    case 'sentiment':
      return keys({ below: fc.oneof(fc.integer({ min: -12, max: 0 }), fc.double({ min: -12, max: 0, noNaN: true })) }, ['below']);
    case 'substitution':
      return keys(
        { swap: fc.dictionary(term, fc.string({ maxLength: 10 }), { minKeys: 1, maxKeys: 4 }), caseSensitive: fc.boolean() },
        ['swap'],
      ).filter((r) => Object.keys(r.swap as object).every((k) => k.trim() !== '' && k !== '__proto__'));
    case 'terms':
      return keys(
        { terms: fc.array(term, { maxLength: 4 }), lists: fc.constantFrom([], ['profanity']), obfuscation: fc.boolean() },
        [],
      ).filter((r) => ((r.terms as unknown[] | undefined)?.length ?? 0) + ((r.lists as unknown[] | undefined)?.length ?? 0) > 0);
    case 'topics':
      return keys({ restricted: level }, []);
    default:
      throw new Error(`the policy generator does not know the rule kind "${kind}": add it`);
  }
}

export const KINDS = RULE_KINDS.map((k) => k.kind as string);

/** Valid policies with up to `maxRules` rules of random kinds. */
export const randomPolicyOf = (maxRules = 8): fc.Arbitrary<Policy> => fc
  .record({
    topicCount: fc.nat({ max: 4 }),
    memberCount: fc.nat({ max: 3 }),
    locale: fc.constantFrom('en', 'it'),
    kinds: fc.array(fc.constantFrom(...KINDS), { maxLength: maxRules }),
  })
  .chain(({ topicCount, memberCount, locale, kinds }) => {
    const topicIds = Array.from({ length: topicCount }, (_, i) => `t${i}`);
    const ids: Ids = { topics: topicIds };
    const usable = kinds.filter((k) => k !== 'disclosure' || topicIds.length > 0);
    return fc.record({
      version: fc.constant(1),
      name: fc.string({ minLength: 1, maxLength: 12 }),
      locale: fc.constant(locale),
      gate: fc.constantFrom('error', 'warning', 'off'),
      platforms: fc.record({ x: fc.record({ maxLength: fc.integer({ min: 1, max: 400 }) }), linkedin: fc.record({ maxLength: fc.integer({ min: 1, max: 4000 }) }) }, { requiredKeys: [] }),
      topics: fc.tuple(
        ...topicIds.map((id) =>
          fc.record(
            {
              id: fc.constant(id),
              label: fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.record({ en: fc.constant('Topic'), it: fc.constant('Tema') })),
              keywords: fc.array(phrase, { maxLength: 5 }),
              hashtags: fc.array(hashtag, { maxLength: 2 }),
              restricted: fc.boolean(),
            },
            { requiredKeys: ['id', 'label'] },
          ),
        ),
      ),
      members: fc.tuple(
        ...Array.from({ length: memberCount }, (_, i) =>
          fc.record({ id: fc.constant(`m${i}`), name: fc.constant(`Member ${i}`), topics: fc.subarray(topicIds) }),
        ),
      ),
      rules: fc.tuple(...usable.map((kind, i) => ruleOf(kind, ids).map((rule) => ({ id: `r${i}-${kind}`, ...rule })))),
    });
  })
  .map((data) => validatePolicy(data));

