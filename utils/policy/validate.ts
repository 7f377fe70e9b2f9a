import type { z } from 'zod';
import { RULE_KINDS, ruleKindOf } from '../check/rules';
import { PolicyError, formatPath, type PolicyIssue } from './issues';
import type { Locate, PolicyPath } from './parse';
import { listSizeIssues } from './limits';
import { POLICY_FORMAT_VERSION, policySchema, type Policy } from './schema';

type Path = (string | number)[];
/** An issue before it is located: where to point (the key for unknown keys, else the value). */
interface Draft {
  path: Path;
  message: string;
  at?: { path: Path; target: 'value' | 'key' };
  /** A required key that is missing; dropped when an unknown key beside it is the likely misspelling. */
  missing?: true;
  /** For an unknown key: the allowed key it probably means. */
  guess?: string;
}
type ZodIssue = z.core.$ZodIssue;

const KINDS = RULE_KINDS.map((kind) => kind.kind as string);

/** Checks parsed policy data: the schema, then references between its parts. Throws PolicyError only. */
export function validatePolicy(data: unknown, locate?: Locate): Policy {
  try {
    return check(data, locate);
  } catch (error) {
    if (error instanceof PolicyError) throw error;
    throw new PolicyError([{ path: [], message: `internal error while checking the policy: ${errorText(error)}` }]);
  }
}

function check(data: unknown, locate: Locate | undefined): Policy {
  const version = versionIssue(data);
  if (version) throw new PolicyError(locateAll(version, locate));
  const oversized = listSizeIssues(data);
  if (oversized.length) throw new PolicyError(locateAll(oversized, locate));
  const result = policySchema.safeParse(data);
  const drafts = result.success ? [] : schemaIssues(result.error.issues, data);
  drafts.push(...referenceIssues(data), ...protoKeyIssues(data, drafts));
  if (result.success) drafts.push(...ruleIssues(result.data, drafts));
  if (result.success && !drafts.length) return result.data;
  throw new PolicyError(locateAll(drafts, locate));
}

function versionIssue(data: unknown): Draft[] | undefined {
  const version = isRecord(data) ? data.version : undefined;
  if (typeof version !== 'number' || version === POLICY_FORMAT_VERSION) return undefined;
  const message =
    Number.isInteger(version) && version > POLICY_FORMAT_VERSION
      ? `this policy is format version ${version}; this Portavoce reads version ${POLICY_FORMAT_VERSION}`
      : `there is no format version ${version}; write "version: ${POLICY_FORMAT_VERSION}"`;
  return [{ path: ['version'], message }];
}

function schemaIssues(issues: readonly ZodIssue[], data: unknown): Draft[] {
  const drafts = issues.flatMap((issue) => fromZod(issue, [], data));
  // "levle" next to a missing "level" is one mistake: keep the suggestion, drop "is required".
  const misspelled = new Set(drafts.flatMap((d) => (d.guess ? [formatPath([...d.path, d.guess])] : [])));
  return drafts.filter((draft) => !(draft.missing && misspelled.has(formatPath(draft.path))));
}

function fromZod(issue: ZodIssue, base: Path, data: unknown): Draft[] {
  const path = [...base, ...(issue.path as Path)];
  const found = lookup(data, path);
  const draft = (message: string): Draft[] => [{ path, message }];
  const required = (hint = ''): Draft[] => [{ path, message: `is required${hint}`, missing: true }];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(path, data);
      const present = isRecord(found.value) ? Object.keys(found.value) : [];
      return issue.keys.map((key) => {
        const guess = closest(key, allowed.filter((k) => !present.includes(k)));
        const list = allowed.length ? `; allowed keys: ${allowed.join(', ')}` : '';
        const message = guess ? `unknown key "${key}"; did you mean "${guess}"?` : `unknown key "${key}"${list}`;
        return { path, message, at: { path: [...path, key], target: 'key' as const }, ...(guess ? { guess } : {}) };
      });
    }
    case 'invalid_type':
      if (!found.exists) return required();
      if (!path.length) return draft(`a policy is a mapping of keys (version, name, rules, …), not ${describe(found.value)}`);
      return draft(`expected ${expectedName(issue.expected)}, got ${describe(found.value)}`);
    case 'invalid_value': {
      const values = issue.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      if (!found.exists) {
        if (path.length === 1 && path[0] === 'version') return required(`; write "version: ${POLICY_FORMAT_VERSION}"`);
        return required(values.length > 1 ? `; one of ${values.join(', ')}` : `; write ${values[0]}`);
      }
      if (found.value === null) return draft(`is empty; ${values.length > 1 ? `one of ${values.join(', ')}` : `write ${values[0]}`}`);
      if (values.length === 1) return draft(`expected ${values[0]}, got ${show(found.value)}`);
      const guess = typeof found.value === 'string' ? closest(found.value, values) : undefined;
      return draft(`${show(found.value)} is not one of ${values.join(', ')}${guess ? `; did you mean "${guess}"?` : ''}`);
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const kindPath = path[path.length - 1] === issue.discriminator ? path : [...path, issue.discriminator];
        const kind = lookup(data, kindPath);
        const kinds = 'options' in issue && Array.isArray(issue.options) ? issue.options.map(String) : KINDS;
        const list = `kinds: ${kinds.join(', ')}`;
        if (!kind.exists) return [{ path: kindPath, message: `is required; ${list}`, missing: true }];
        const guess = typeof kind.value === 'string' ? closest(kind.value, kinds) : undefined;
        const hint = guess ? `; did you mean "${guess}"?` : '';
        return [{ path: kindPath, message: `${show(kind.value)} is not a rule kind${hint} (${list})` }];
      }
      if (!found.exists) return required();
      const branches = issue.errors;
      const typeOnly = (branch: ZodIssue[]) => branch.length === 1 && branch[0]!.code === 'invalid_type' && !branch[0]!.path.length;
      const fitting = branches.find((branch) => !typeOnly(branch));
      if (fitting) return fitting.flatMap((inner) => fromZod(inner, path, data));
      const names = branches.map((b) => expectedName((b[0] as { expected?: string }).expected ?? ''));
      return draft(`expected ${names.join(' or ')}, got ${describe(found.value)}`);
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(small ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum);
      if (issue.origin === 'string') {
        if (small && limit === 1) return draft('must not be empty');
        return draft(`must have ${small ? 'at least' : 'at most'} ${limit} characters`);
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        if (small && limit === 1) return draft('must list at least one item');
        return draft(`must list ${small ? 'at least' : 'at most'} ${limit} items`);
      }
      const strict = issue.inclusive === false;
      const word = small ? (strict ? 'greater than' : 'at least') : strict ? 'less than' : 'at most';
      return draft(`must be ${word} ${limit}, not ${show(found.value)}`);
    }
    case 'invalid_format': {
      if (issue.format === 'url') return draft(`${show(found.value)} is not a web address (http:// or https://)`);
      if (issue.message.startsWith('Invalid')) return draft(`${show(found.value)} does not match ${issue.pattern ?? issue.format}`);
      return draft(`${show(found.value)}: ${issue.message}`);
    }
    case 'invalid_key': {
      const key = path[path.length - 1];
      const inner = issue.issues.flatMap((sub) => fromZod(sub, [], key)).map((d) => d.message);
      return [{ path, message: `the key ${inner.join('; ')}`, at: { path, target: 'key' } }];
    }
    case 'not_multiple_of':
      return draft(`must be a multiple of ${String(issue.divisor)}, not ${show(found.value)}`);
    default:
      return draft(issue.message);
  }
}

/** Duplicate ids and topics that no topic defines. Works on raw data, so it reports alongside schema issues. */
function referenceIssues(data: unknown): Draft[] {
  if (!isRecord(data)) return [];
  const drafts: Draft[] = [];
  for (const section of ['members', 'topics', 'rules'] as const) {
    const seen = new Map<string, number>();
    listOf(data[section]).forEach((item, index) => {
      const id = isRecord(item) ? item.id : undefined;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else drafts.push({ path: [section, index, 'id'], message: `${JSON.stringify(id)} is already used by ${section}[${first}]` });
    });
  }
  const topics = listOf(data.topics).flatMap((t) => (isRecord(t) && typeof t.id === 'string' ? [t.id] : []));
  const checkTopics = (list: unknown, path: Path) =>
    listOf(list).forEach((topic, index) => {
      if (typeof topic === 'string' && !topics.includes(topic)) {
        drafts.push({ path: [...path, index], message: unknownTopicMessage(topic, topics) });
      }
    });
  listOf(data.members).forEach((member, index) => {
    if (isRecord(member)) checkTopics(member.topics, ['members', index, 'topics']);
  });
  listOf(data.rules).forEach((rule, index) => {
    const when = isRecord(rule) ? rule.when : undefined;
    if (isRecord(when)) checkTopics(when.topics, ['rules', index, 'when', 'topics']);
  });
  return drafts;
}

function ruleIssues(policy: Policy, earlier: readonly Draft[]): Draft[] {
  const drafts: Draft[] = [];
  const taken = new Set(earlier.map((d) => formatPath(d.path)));
  policy.rules.forEach((rule, index) => {
    try {
      for (const issue of ruleKindOf(String(rule.kind)).validate?.(rule, policy) ?? []) {
        const path = ['rules', index, ...issue.path];
        if (!taken.has(formatPath(path))) drafts.push({ path, message: issue.message });
      }
    } catch (error) {
      drafts.push({ path: ['rules', index], message: `internal error while checking this rule: ${errorText(error)}` });
    }
  });
  return drafts;
}

/** `__proto__` keys where the schema takes any key (records drop them silently); strict objects report them as unknown. */
function protoKeyIssues(data: unknown, earlier: readonly Draft[]): Draft[] {
  const reported = new Set(earlier.flatMap((d) => (d.at?.target === 'key' ? [formatPath(d.at.path)] : [])));
  const drafts: Draft[] = [];
  const seen = new Set<unknown>();
  const stack: { value: unknown; path: Path }[] = [{ value: data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    for (const key of Object.keys(value)) {
      const child = [...path, Array.isArray(value) ? Number(key) : key];
      if (reported.has(formatPath(child))) continue; // an unknown key: what it holds does not matter
      if (key === '__proto__') drafts.push({ path, message: 'the key "__proto__" is not allowed', at: { path: child, target: 'key' } });
      stack.push({ value: (value as Record<string, unknown>)[key], path: child });
    }
  }
  return drafts;
}

function locateAll(drafts: Draft[], locate: Locate | undefined): PolicyIssue[] {
  const issues = drafts.map(({ path, message, at }): PolicyIssue => {
    const where = locate?.(at?.path ?? path, at?.target ?? 'value');
    return where ? { path, message, line: where.line, column: where.column } : { path, message };
  });
  const order = (issue: PolicyIssue) => (issue.line === undefined ? Infinity : issue.line * 1e7 + (issue.column ?? 0));
  return issues.map((issue, index) => ({ issue, index })).sort((a, b) => order(a.issue) - order(b.issue) || a.index - b.index).map(({ issue }) => issue);
}

function unknownTopicMessage(topic: string, topics: string[]): string {
  if (!topics.length) return `unknown topic "${topic}": the policy defines no topics`;
  const guess = closest(topic, topics);
  return guess ? `unknown topic "${topic}"; did you mean "${guess}"?` : `unknown topic "${topic}"; topics: ${topics.join(', ')}`;
}

/** The likeliest intended word: a small edit away (transpositions count as one) or a prefix of it. */
export function closest(typed: string, candidates: readonly string[]): string | undefined {
  const a = typed.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const b = candidate.toLowerCase();
    const d = editDistance(a, b);
    const near = d <= 2 && d <= Math.max(1, Math.floor(b.length / 3));
    const prefix = a.length >= 3 && (b.startsWith(a) || a.startsWith(b));
    const score = near ? d : prefix ? 3 : Infinity;
    if (score < bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i ? (j ? 0 : i) : j)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The keys the schema allows for the object at `path`, choosing union members the way the data does. */
function allowedKeys(path: PolicyPath, data: unknown): string[] {
  let schema: unknown = policySchema;
  let value = data;
  for (let i = 0; i <= path.length; i++) {
    schema = objectOption(unwrap(schema), value);
    if (i === path.length) break;
    const def = defOf(schema);
    const segment = path[i]!;
    if (def.type === 'object') schema = (def.shape as Record<string, unknown>)[String(segment)];
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'record') schema = def.valueType;
    else return [];
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  }
  const def = defOf(schema);
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

function objectOption(schema: unknown, value: unknown): unknown {
  const def = defOf(schema);
  if (def.type !== 'union') return schema;
  const options = (def.options as unknown[]).map(unwrap).filter((o) => defOf(o).type === 'object');
  const key = def.discriminator as string | undefined;
  if (key && isRecord(value)) {
    const match = options.find((o) => {
      const literal = defOf((defOf(o).shape as Record<string, unknown>)[key]);
      return Array.isArray(literal.values) && literal.values.includes(value[key]);
    });
    if (match) return match;
  }
  return options[0] ?? schema;
}

function unwrap(schema: unknown): unknown {
  for (let def = defOf(schema); ; def = defOf(schema)) {
    if (def.innerType) schema = def.innerType;
    else if (def.type === 'pipe') schema = def.in;
    else return schema;
  }
}

function defOf(schema: unknown): Record<string, unknown> {
  return ((schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def ?? {}) as Record<string, unknown>;
}

function lookup(data: unknown, path: PolicyPath): { exists: boolean; value: unknown } {
  let value = data;
  for (const segment of path) {
    if (!(isRecord(value) || Array.isArray(value)) || !Object.prototype.hasOwnProperty.call(value, segment)) {
      return { exists: false, value: undefined };
    }
    value = (value as Record<string | number, unknown>)[segment];
  }
  return { exists: value !== undefined, value };
}

function expectedName(expected: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
    record: 'a mapping',
    null: 'an empty value',
  };
  return names[expected] ?? `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return 'a date';
  if (value instanceof Uint8Array) return 'binary data';
  if (value instanceof Set || value instanceof Map) return 'a set';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return describe(value);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function errorText(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'unknown error';
  }
}
