import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_KINDS } from '../../../utils/check/rules';
import { termsRule } from '../../../utils/check/rules/terms';
import { PolicyError, formatIssue } from '../../../utils/policy/issues';
import { loadPolicyText, tryLoadPolicyText } from '../../../utils/policy/load';
import { decodePolicyBytes, parsePolicyText } from '../../../utils/policy/parse';
import { validatePolicy } from '../../../utils/policy/validate';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/policies/${name}`, import.meta.url)), 'utf8');
const EXAMPLE_YAML = fixture('example.yaml');
const EXAMPLE_JSON = fixture('example.json');
const KINDS = `kinds: ${RULE_KINDS.map((kind) => kind.kind).join(', ')}`;
const TOP_KEYS = 'version, name, locale, gate, calendarFeed, platforms, members, topics, rules';
const HEAD = 'version: 1\nname: Acme\n';
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

/** What an author sees: every issue formatted, in order. */
function issuesOf(input: string | Uint8Array): string[] {
  const result = tryLoadPolicyText(input, 'policy.yaml');
  if (result.ok) return ['(loaded without issues)'];
  expect(result.error).toBeInstanceOf(PolicyError);
  expect(result.error.message).toBe(result.error.issues.map((issue) => formatIssue(issue, 'policy.yaml')).join('\n'));
  return result.error.issues.map((issue) => formatIssue(issue, 'policy.yaml'));
}

describe('the shared example policy', () => {
  it('loads, in YAML and in JSON, to the same policy', () => {
    const policy = loadPolicyText(EXAMPLE_YAML, 'example.yaml');
    expect(policy.rules).toHaveLength(16);
    expect(loadPolicyText(EXAMPLE_JSON, 'example.json')).toEqual(policy);
  });

  it('reads YAML and its JSON equivalent to the same data', () => {
    expect(parsePolicyText(EXAMPLE_JSON).data).toEqual(parsePolicyText(EXAMPLE_YAML).data);
  });

  it('has nothing wrong outside the rules (placeholders may still reject rule keys)', () => {
    const result = tryLoadPolicyText(EXAMPLE_YAML, 'example.yaml');
    const outside = result.ok ? [] : result.error.issues.filter((issue) => issue.path[0] !== 'rules');
    expect(outside).toEqual([]);
    const { data } = parsePolicyText(EXAMPLE_YAML);
    const policy = validatePolicy({ ...(data as object), rules: [] });
    expect(policy.members.map((m) => m.id)).toEqual(['giulia', 'marco', 'sara']);
    expect(policy.topics.find((t) => t.id === 'financial-results')?.restricted).toBe(true);
  });

  it.each([
    ['example.yaml', EXAMPLE_YAML, /^ {4}pattern: /, '"INV-'],
    ['example.json', EXAMPLE_JSON, /^ {6}"pattern": /, '"INV-'],
    ['example.yaml', EXAMPLE_YAML, /^ {2}- id: marco/, 'marco'],
    ['example.json', EXAMPLE_JSON, /^ {6}"id": "marco"/, '"marco"'],
  ])('locates values in %s by line and column', (_, text, linePattern, value) => {
    const lines = text.split('\n');
    const line = lines.findIndex((l) => linePattern.test(l));
    const path = value.includes('marco') ? ['members', 1, 'id'] : ['rules', 3, 'pattern'];
    expect(parsePolicyText(text).locate(path)).toEqual({ line: line + 1, column: lines[line]!.indexOf(value) + 1 });
  });
});

const DEEP = 10_000;
const BOMB = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
].join('\n');

describe('a bad policy gets located issues an author understands', () => {
  it.each<[string, string | Uint8Array, string[]]>([
    // keys
    ['unknown rule key, close to one', `${HEAD}rules:\n  - id: a\n    kind: topics\n    levle: error\n`, ['policy.yaml:6:5: rules[0]: unknown key "levle"; did you mean "level"?']],
    ['unknown top-level key, close to one', `${HEAD}rule: []\n`, ['policy.yaml:3:1: unknown key "rule"; did you mean "rules"?']],
    ['unknown key, nothing close', `${HEAD}members:\n  - {id: m, name: M, email: m@acme.example}\n`, ['policy.yaml:4:22: members[0]: unknown key "email"; allowed keys: id, name, role, topics']],
    ['unknown key in JSON', '{\n  "version": 1,\n  "name": "P",\n  "rules": [\n    {"id": "a", "kind": "topics", "levle": "error"}\n  ]\n}\n', ['policy.yaml:5:35: rules[0]: unknown key "levle"; did you mean "level"?']],
    ['unknown locale in a message', `${HEAD}rules:\n  - {id: a, kind: topics, level: error, message: {fr: Non}}\n`, ['policy.yaml:4:51: rules[0].message: unknown key "fr"; allowed keys: en, it']],
    ['missing required key', 'version: 1\n', ['policy.yaml:1:1: name: is required']],
    ['missing level', `${HEAD}rules:\n  - {id: a, kind: topics}\n`, ['policy.yaml:4:5: rules[0].level: is required; one of suggestion, warning, error']],
    // values
    ['bad level', `${HEAD}rules:\n  - id: a\n    kind: topics\n    level: critical\n`, ['policy.yaml:6:12: rules[0].level: "critical" is not one of suggestion, warning, error']],
    ['misspelled level', `${HEAD}rules:\n  - {id: a, kind: topics, level: eror}\n`, ['policy.yaml:4:34: rules[0].level: "eror" is not one of suggestion, warning, error; did you mean "error"?']],
    ['empty level', `${HEAD}rules:\n  - id: a\n    kind: topics\n    level:\n`, ['policy.yaml:6:11: rules[0].level: is empty; one of suggestion, warning, error']],
    ['bad gate', `${HEAD}gate: block\n`, ['policy.yaml:3:7: gate: "block" is not one of error, warning, off']],
    ['unknown kind, close to one', `${HEAD}rules:\n  - id: a\n    kind: termz\n    level: error\n`, [`policy.yaml:5:11: rules[0].kind: "termz" is not a rule kind; did you mean "terms"? (${KINDS})`]],
    ['unknown kind, nothing close', `${HEAD}rules:\n  - {id: a, kind: banana, level: error}\n`, [`policy.yaml:4:19: rules[0].kind: "banana" is not a rule kind (${KINDS})`]],
    ['missing kind', `${HEAD}rules:\n  - id: a\n    level: error\n`, [`policy.yaml:4:5: rules[0].kind: is required; ${KINDS}`]],
    ['bad id', `${HEAD}members:\n  - id: bad id\n    name: B\n`, ['policy.yaml:4:9: members[0].id: "bad id": an id is letters, digits, ".", "_" or "-"']],
    ['hashtag without #', `${HEAD}topics:\n  - {id: t, label: T, hashtags: [acme]}\n`, ['policy.yaml:4:34: topics[0].hashtags[0]: "acme": a hashtag starts with # and has no spaces']],
    ['empty name, bad URL, bad number, unknown platform', 'version: 1\nname: ""\ncalendarFeed: ftp://acme.example/plan.ics\nplatforms: {x: {maxLength: -1}, mastodon: {maxLength: 500}}\n', [
      'policy.yaml:2:7: name: must not be empty',
      'policy.yaml:3:15: calendarFeed: "ftp://acme.example/plan.ics" is not a web address (http:// or https://)',
      'policy.yaml:4:28: platforms.x.maxLength: must be greater than 0, not -1',
      'policy.yaml:4:33: platforms: unknown key "mastodon"; allowed keys: x, linkedin',
    ]],
    // types
    ['a list expected', `${HEAD}rules: links\n`, ['policy.yaml:3:8: rules: expected a list, got a string']],
    ['a list expected, mapping given', `${HEAD}members: {giulia: Giulia}\n`, ['policy.yaml:3:10: members: expected a list, got a mapping']],
    ['a boolean expected', `${HEAD}topics:\n  - {id: t, label: T, restricted: "yes"}\n`, ['policy.yaml:4:35: topics[0].restricted: expected true or false, got a string']],
    ['a whole number expected', `${HEAD}platforms:\n  x: {maxLength: 280.5}\n`, ['policy.yaml:4:18: platforms.x.maxLength: expected a whole number, got 280.5']],
    ['a message of the wrong type', `${HEAD}rules:\n  - {id: a, kind: topics, level: error, message: 5}\n`, ['policy.yaml:4:50: rules[0].message: expected a string or a mapping, got 5']],
    ['a rule that is a word', `${HEAD}rules: [terms]\n`, ['policy.yaml:3:9: rules[0]: expected a mapping, got a string']],
    ['a list, not a mapping', '- version: 1\n- name: Acme\n', ['policy.yaml:1:1: a policy is a mapping of keys (version, name, rules, …), not a list']],
    // version
    ['missing version', 'name: Acme\n', ['policy.yaml:1:1: version: is required; write "version: 1"']],
    ['version 2', 'version: 2\nname: Acme\nfuture: true\n', ['policy.yaml:1:10: version: this policy is format version 2; this Portavoce reads version 1']],
    ['version 0', 'version: 0\nname: Acme\n', ['policy.yaml:1:10: version: there is no format version 0; write "version: 1"']],
    ['version as a string', 'version: "1"\nname: Acme\n', ['policy.yaml:1:10: version: expected 1, got "1"']],
    // references
    ['duplicate rule ids', `${HEAD}rules:\n  - {id: links, kind: topics, level: error}\n  - {id: tone, kind: length, level: error}\n  - {id: links, kind: quiet-period, level: error}\n`, ['policy.yaml:6:10: rules[2].id: "links" is already used by rules[0]']],
    ['duplicate member ids', `${HEAD}members:\n  - {id: giulia, name: Giulia}\n  - {id: giulia, name: Giulia R.}\n`, ['policy.yaml:5:10: members[1].id: "giulia" is already used by members[0]']],
    ['duplicate topic ids', `${HEAD}topics:\n  - {id: events, label: Events}\n  - {id: events, label: Eventi}\n`, ['policy.yaml:5:10: topics[1].id: "events" is already used by topics[0]']],
    ['unknown member topic', `${HEAD}topics:\n  - {id: financial-results, label: Results}\n  - {id: events, label: Events}\nmembers:\n  - {id: marco, name: Marco, topics: [events]}\n  - {id: sara, name: Sara, topics: [finacial-results, weather]}\n`, [
      'policy.yaml:8:37: members[1].topics[0]: unknown topic "finacial-results"; did you mean "financial-results"?',
      'policy.yaml:8:55: members[1].topics[1]: unknown topic "weather"; topics: financial-results, events',
    ]],
    ['member topic, no topics at all', `${HEAD}members:\n  - {id: m, name: M, topics: [events]}\n`, ['policy.yaml:4:31: members[0].topics[0]: unknown topic "events": the policy defines no topics']],
    // syntax
    ['YAML syntax error', `${HEAD}rules:\n  - id: a\n   kind: topics\n`, ['policy.yaml:5:1: syntax error: Sequence item without - indicator']],
    ['duplicate key', `${HEAD}name: Acme Italia\n`, ['policy.yaml:3:1: key "name" appears twice in the same mapping']],
    ['duplicate key in JSON', '{"version": 1, "name": "Acme", "name": "Acme Italia"}', ['policy.yaml:1:32: key "name" appears twice in the same mapping']],
    ['tab indentation', `${HEAD}members:\n\t- id: a\n`, ['policy.yaml:4:1: a tab is used for indentation; indent with spaces']],
    ['truncated JSON', '{"version": 1, "name": "Acme", "rules": [{"id": "a"', ['policy.yaml:1:52: the file ends before every bracket is closed; "}]}" is missing']],
    ['unclosed bracket', `${HEAD}members: [giulia\ntopics: []\n`, ['policy.yaml:4:1: a bracket is not closed before this point; "]" is missing']],
    ['two documents', `${HEAD}---\nversion: 1\n`, ['policy.yaml:3:1: a second YAML document starts here (after ---); a policy is one document']],
    ['empty file', '', ['policy.yaml: the file is empty; a policy starts with "version: 1"']],
    ['only comments', '# policy to come\n', ['policy.yaml: the file is empty; a policy starts with "version: 1"']],
    // hostile input
    ['2 MB of text', `# ${'x'.repeat(2 * 1024 * 1024)}\n`, ['policy.yaml: the policy is 2.0 MB (2097155 bytes); the limit is 1 MB (1048576 bytes)']],
    ['2 MB of bytes', bytes('x'.repeat(2 * 1024 * 1024)), ['policy.yaml: the policy is 2.0 MB (2097152 bytes); the limit is 1 MB (1048576 bytes)']],
    ['10,000 nested lists', '['.repeat(DEEP) + ']'.repeat(DEEP), ['policy.yaml:1:65: nesting is deeper than 64 levels']],
    ['10,000 nested block lists', `${'- '.repeat(DEEP)}x\n`, ['policy.yaml:1:129: nesting is deeper than 64 levels']],
    ['65 nested mappings', `${'{a: '.repeat(65)}1${'}'.repeat(65)}`, ['policy.yaml:1:257: nesting is deeper than 64 levels']],
    ['__proto__ key', `${HEAD}__proto__: {polluted: 1}\n`, [`policy.yaml:3:1: unknown key "__proto__"; allowed keys: ${TOP_KEYS}`]],
    ['__proto__ and constructor in JSON', '{"version": 1, "name": "P", "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}', [
      `policy.yaml:1:29: unknown key "__proto__"; allowed keys: ${TOP_KEYS}`,
      `policy.yaml:1:59: unknown key "constructor"; allowed keys: ${TOP_KEYS}`,
    ]],
    ['__proto__ in a free-form mapping', `${HEAD}rules:\n  - {id: s, kind: substitution, level: warning, swap: {__proto__: x, ACME: Acme}}\n`, ['policy.yaml:4:56: rules[0].swap: the key "__proto__" is not allowed']],
    ['alias bomb', BOMB, ['policy.yaml:2:8: aliases (*name) expand to more than 100 copies; write the values out or use fewer aliases']],
    ['alias without anchor', 'version: 1\nname: *nope\n', ['policy.yaml:2:7: alias *nope has no anchor &nope before it']],
    ['alias inside itself', 'version: 1\nname: &n [*n]\n', ['policy.yaml:2:11: alias *n refers to a value that contains it']],
    ['invalid UTF-8', bytes('version: 1\nname: caf', [0xe9], '\n'), ['policy.yaml:2:10: not valid UTF-8 at byte 20; save the file as UTF-8']],
    ['truncated UTF-8 sequence', bytes('version: 1\nname: ', [0xe2, 0x82]), ['policy.yaml:2:7: not valid UTF-8 at byte 17; save the file as UTF-8']],
    ['UTF-16', bytes([0xff, 0xfe], 'v\0'), ['policy.yaml: the file is UTF-16; save it as UTF-8']],
  ])('%s', (_, input, expected) => {
    expect(issuesOf(input)).toEqual(expected);
  });

  it('drops "is required" when an unknown key beside it is the misspelling', () => {
    expect(issuesOf(`${HEAD}rules:\n  - {id: a, kind: topics, levle: error}\n`)).toEqual([
      'policy.yaml:4:27: rules[0]: unknown key "levle"; did you mean "level"?',
    ]);
  });

  it('reports a rule kind\'s own checks under the rule\'s path', () => {
    const text = `${HEAD}rules:\n  - id: banned\n    kind: terms\n    level: error\n`;
    const expected = termsRule.validate!(termsRule.schema(z).parse({ id: 'banned', kind: 'terms', level: 'error' }), validatePolicy({ version: 1, name: 'x' }));
    expect(expected.length).toBeGreaterThan(0);
    const result = tryLoadPolicyText(text, 'policy.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues.map((i) => [i.path, i.message])).toEqual(expected.map((i) => [['rules', 0, ...i.path], i.message]));
  });

  it('checks the topics a rule names in `when.topics`', () => {
    const text = `${HEAD}topics:\n  - {id: promotions, label: Promo}\nrules:\n  - id: ad\n    kind: disclosure\n    level: error\n    when: {topics: [promozioni]}\n    require: ["#ad"]\n`;
    expect(issuesOf(text)).toContain('policy.yaml:9:21: rules[0].when.topics[0]: unknown topic "promozioni"; did you mean "promotions"?');
  });

  it('keeps prototypes clean', () => {
    const merge = '%YAML 1.1\n---\nversion: 1\nname: P\nplatforms:\n  <<: {__proto__: {polluted: 1}}\n';
    for (const text of [`${HEAD}__proto__: {polluted: 1}\n`, '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}', merge]) {
      expect(tryLoadPolicyText(text).ok).toBe(false);
      const { data } = parsePolicyText(text);
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('names the file in the error and in tryLoad', () => {
    expect(() => loadPolicyText('version: 1\n', 'acme.yaml')).toThrow('acme.yaml:1:1: name: is required');
    const result = tryLoadPolicyText(bytes('version: 1\nname: Acme\n'));
    expect(result.ok && result.policy.name).toBe('Acme');
    expect(() => decodePolicyBytes(bytes([0xc0, 0x80], '\nname: x\n'))).toThrow('1:1: not valid UTF-8 at byte 0; save the file as UTF-8');
  });
});

describe('loading never throws anything but PolicyError', () => {
  const neverOtherwise = (load: () => unknown) => {
    try {
      load();
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      expect(error.issues.length).toBeGreaterThan(0);
    }
  };
  const runs = { seed: 20_260_101, numRuns: 300 };

  it('for arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => neverOtherwise(() => loadPolicyText(text))), runs);
  });

  it('for arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (data) => neverOtherwise(() => loadPolicyText(data))), runs);
  });

  it('for arbitrary JSON values and objects, as text and as data', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.object()), (value) => {
        neverOtherwise(() => validatePolicy(value));
        const json = JSON.stringify(value);
        if (json !== undefined) neverOtherwise(() => loadPolicyText(json));
      }),
      runs,
    );
  });

  it('for policy-shaped data', () => {
    const kind = fc.constantFrom(...RULE_KINDS.map((k) => k.kind), 'termz', 5);
    const rule = fc.record(
      { id: fc.constantFrom('a', 'b', 'bad id'), kind, level: fc.constantFrom('error', 'warning', 'critical', null), terms: fc.array(fc.string()), when: fc.record({ topics: fc.array(fc.constantFrom('events', 'x', 3)) }), extra: fc.jsonValue() },
      { requiredKeys: [] },
    );
    const policy = fc.record(
      { version: fc.constantFrom(1, 2, '1', null), name: fc.string(), members: fc.array(fc.record({ id: fc.string(), name: fc.string(), topics: fc.anything() }, { requiredKeys: [] })), topics: fc.array(fc.record({ id: fc.constantFrom('events', 'news'), label: fc.jsonValue() }, { requiredKeys: [] })), rules: fc.array(rule, { maxLength: 5 }) },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(policy, (value) => neverOtherwise(() => loadPolicyText(JSON.stringify(value)))), runs);
  });
});
