// The hostile-input corpus for policies: every entry is a file a loader must refuse with a located error.
import { readFileSync } from 'node:fs';

export interface MalformedPolicy {
  name: string;
  input: string | Uint8Array;
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/policies/${name}`, import.meta.url), 'utf8');
export const EXAMPLE_YAML = fixture('example.yaml');
export const EXAMPLE_JSON = fixture('example.json');
const example = () => JSON.parse(EXAMPLE_JSON) as Record<string, any>;
const json = (data: unknown) => JSON.stringify(data, null, 2);
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

/** A strict prefix of a JSON document is never JSON: cut the example at evenly spaced points. */
function truncatedJson(count: number): MalformedPolicy[] {
  const text = EXAMPLE_JSON.trimEnd();
  return Array.from({ length: count }, (_, i) => {
    const cut = Math.floor(((i + 1) * (text.length - 1)) / (count + 1));
    return { name: `JSON cut at byte ${cut}`, input: text.slice(0, cut) };
  });
}

/** YAML cut right after an opening quote: the string never closes. */
function truncatedYaml(count: number): MalformedPolicy[] {
  const inComment = (at: number) => EXAMPLE_YAML.slice(EXAMPLE_YAML.lastIndexOf('\n', at) + 1, at).includes('#');
  const quotes = [...EXAMPLE_YAML.matchAll(/(?<=[\s[:,])"/g)].map((m) => m.index!).filter((at) => !inComment(at)).map((at) => at + 1);
  const step = Math.max(1, Math.floor(quotes.length / count));
  return quotes.filter((_, i) => i % step === 0).slice(0, count)
    .map((cut) => ({ name: `YAML cut inside a quoted string at byte ${cut}`, input: EXAMPLE_YAML.slice(0, cut) }));
}

const KIND_OF = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
const SUBSTITUTES: unknown[] = [42, 'text', [], { a: 1 }, null, true];

/** Each path holds a value of another type in turn (only real changes of type). */
function wrongTypes(): MalformedPolicy[] {
  const paths: (string | number)[][] = [
    ['version'], ['name'], ['locale'], ['gate'], ['calendarFeed'], ['platforms'], ['members'], ['topics'], ['rules'],
    ['platforms', 'x', 'maxLength'], ['members', 0, 'id'], ['members', 0, 'topics'], ['topics', 0, 'keywords'],
    ['topics', 0, 'label'], ['topics', 1, 'restricted'], ['rules', 0], ['rules', 1, 'level'], ['rules', 1, 'terms'],
    ['rules', 2, 'kind'], ['rules', 3, 'pattern'], ['rules', 12, 'max'],
  ];
  const out: MalformedPolicy[] = [];
  for (const path of paths) {
    for (const substitute of SUBSTITUTES) {
      const data = example();
      let parent: any = data;
      for (const key of path.slice(0, -1)) parent = parent[key];
      const last = path.at(-1)!;
      if (parent[last] === undefined || KIND_OF(parent[last]) === KIND_OF(substitute)) continue;
      if (last === 'label' && KIND_OF(substitute) === 'string') continue; // a plain label is allowed
      parent[last] = substitute;
      out.push({ name: `${path.join('.')} = ${JSON.stringify(substitute)}`, input: json(data) });
    }
  }
  return out;
}

/** A list of the example policy edited one way per entry. */
function edits(): { out: MalformedPolicy[]; add(name: string, edit: (data: Record<string, any>) => void): void } {
  const out: MalformedPolicy[] = [];
  return {
    out,
    add(name, edit) {
      const data = example();
      edit(data);
      out.push({ name, input: json(data) });
    },
  };
}

function unknownKeys(): MalformedPolicy[] {
  const { out, add } = edits();
  add('unknown top-level key', (d) => (d.rulez = []));
  add('misspelled top-level key', (d) => ((d.memebers = d.members), delete d.members));
  add('unknown key in platforms', (d) => (d.platforms.facebook = { maxLength: 1 }));
  add('unknown key in a member', (d) => (d.members[0].email = 'g@example.com'));
  add('unknown key in a topic', (d) => (d.topics[0].words = ['x']));
  example().rules.forEach((_: unknown, i: number) => add(`unknown key in rules[${i}]`, (d) => (d.rules[i].severity = 'high')));
  return out;
}

function badValues(): MalformedPolicy[] {
  const { out, add } = edits();
  add('level not allowed', (d) => (d.rules[0].level = 'fatal'));
  add('kind unknown', (d) => (d.rules[0].kind = 'regex'));
  add('locale unknown', (d) => (d.locale = 'xx'));
  add('gate not allowed', (d) => (d.gate = 'always'));
  add('newer format version', (d) => (d.version = 2));
  add('format version 0', (d) => (d.version = 0));
  add('negative max length', (d) => (d.platforms.x.maxLength = -1));
  add('empty rule id', (d) => (d.rules[0].id = ''));
  add('duplicate rule id', (d) => (d.rules[1].id = d.rules[0].id));
  add('duplicate member id', (d) => d.members.push({ ...d.members[0] }));
  add('duplicate topic id', (d) => d.topics.push({ ...d.topics[0] }));
  add("member's topic undefined", (d) => d.members[0].topics.push('weather'));
  add('rule without id', (d) => delete d.rules[0].id);
  add('rule without level', (d) => delete d.rules[0].level);
  add('no name', (d) => delete d.name);
  add('calendar feed not a URL', (d) => (d.calendarFeed = 'not a url'));
  return out;
}

/** Patterns RE2 cannot run in linear time, or cannot parse. */
export const UNSUPPORTED_PATTERNS = ['(a)\\1', '(?<n>a)\\k<n>', 'a(?=b)', 'a(?!b)', '(?<=a)b', '(?<!a)b', 'a++', '(?>a+)', '[a-', '(unclosed', 'a{2,1}', '*a'];

function patterns(): MalformedPolicy[] {
  return UNSUPPORTED_PATTERNS.map((pattern) => {
    const data = example();
    data.rules[3].pattern = pattern;
    return { name: `pattern ${pattern}`, input: json(data) };
  });
}

function structure(): MalformedPolicy[] {
  const head = 'version: 1\nname: Acme\n';
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(', ');
  return [
    { name: '10 MB YAML', input: `${head}# ${'x'.repeat(10_000_000)}\n` },
    { name: '10 MB JSON', input: `{"version":1,"name":"${'a'.repeat(10_000_000)}"}` },
    { name: '10,000-deep JSON arrays', input: '['.repeat(10_000) + ']'.repeat(10_000) },
    { name: '10,000-deep JSON objects', input: '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000) },
    { name: '10,000-deep YAML flow', input: `${head}rules: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` },
    { name: 'alias bomb', input: `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\n` },
    { name: '__proto__ at the top', input: `${head}__proto__: { polluted: 1 }\n` },
    { name: '__proto__ in JSON', input: '{"version":1,"name":"A","__proto__":{"polluted":1}}' },
    { name: '__proto__ in a rule', input: `${head}rules:\n  - { id: a, kind: terms, level: error, terms: [x], __proto__: { level: off } }\n` },
    { name: 'constructor at the top', input: `${head}constructor: { prototype: { polluted: 1 } }\n` },
    { name: 'constructor in a member', input: `${head}members:\n  - { id: a, name: A, topics: [], constructor: 1 }\n` },
    { name: 'prototype in a topic', input: `${head}topics:\n  - { id: t, keywords: [x], prototype: 1 }\n` },
    { name: 'huge word list (60,000 terms)', input: `${head}rules:\n  - { id: t, kind: terms, level: error, terms: [${words(60_000)}] }\n` },
    { name: 'huge keyword list (20,000 keywords)', input: `${head}topics:\n  - { id: t, keywords: [${words(20_000)}] }\n` },
    { name: 'many lists over the total', input: `${head}rules:\n${Array.from({ length: 3 }, (_, i) => `  - { id: t${i}, kind: terms, level: error, terms: [${words(9_000)}] }`).join('\n')}\n` },
  ];
}

function encodings(): MalformedPolicy[] {
  return [
    { name: 'invalid UTF-8 byte 0xFF', input: bytes('version: 1\nname: ', [0xff], '\n') },
    { name: 'truncated UTF-8 sequence', input: bytes('version: 1\nname: Caf', [0xc3]) },
    { name: 'bad continuation byte', input: bytes('version: 1\nname: ', [0xc3, 0x28], '\n') },
    { name: 'overlong encoding of "/"', input: bytes('version: 1\nname: ', [0xc0, 0xaf], '\n') },
    { name: 'encoded surrogate', input: bytes('version: 1\nname: ', [0xed, 0xa0, 0x80], '\n') },
    { name: 'code point above U+10FFFF', input: bytes('version: 1\nname: ', [0xf4, 0x90, 0x80, 0x80], '\n') },
    { name: 'UTF-16 file', input: new Uint8Array([0xff, 0xfe, ...[...'version: 1'].flatMap((c) => [c.charCodeAt(0), 0])]) },
    { name: 'Latin-1 file', input: bytes('version: 1\nname: Societ', [0xe0], '\n') },
    { name: 'PNG header', input: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) },
    { name: 'NUL bytes', input: new Uint8Array(64) },
    { name: 'random bytes', input: new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256)) },
  ];
}

function notAPolicy(): MalformedPolicy[] {
  return ['', '   \n\t\n', 'null', '[]', '42', '"a string"', 'true', '---\n...\n', '{', '}', 'version: 1', '{"version": 1}', 'version: "1"\nname: A\nrules: []\n']
    .map((input) => ({ name: `not a policy: ${JSON.stringify(input).slice(0, 30)}`, input }));
}

export function malformedPolicies(): MalformedPolicy[] {
  return [...truncatedJson(60), ...truncatedYaml(20), ...wrongTypes(), ...unknownKeys(), ...badValues(), ...patterns(), ...structure(), ...encodings(), ...notAPolicy()];
}
