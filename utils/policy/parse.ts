import { Composer, Lexer, LineCounter, Parser, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { CST, Document, Node, ParsedNode, YAMLParseError } from 'yaml';
import { PolicyError, type PolicyIssue } from './issues';

export const MAX_POLICY_BYTES = 1024 * 1024;
/** Collections inside collections; a real policy needs about five. */
export const MAX_POLICY_DEPTH = 64;
/** How many times aliases may be expanded (yaml's guard against "billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

export type PolicyPath = readonly (string | number)[];
export interface Position {
  line: number;
  column: number;
}
/**
 * Where a path points in the text, 1-based: the value there, or with `'key'` the key that names it.
 * A path that goes past what the text holds (a missing key) gives the deepest part that exists.
 */
export type Locate = (path: PolicyPath, target?: 'value' | 'key') => Position | undefined;

export interface ParsedPolicyText {
  data: unknown;
  locate: Locate;
}

const DEPTH_MESSAGE = `nesting is deeper than ${MAX_POLICY_DEPTH} levels`;

/** Reads a policy written in YAML or JSON (JSON is YAML's flow style, so one parser gives both locations). */
export function parsePolicyText(text: string, source?: string): ParsedPolicyText {
  const fail = (issues: PolicyIssue[]): never => {
    throw new PolicyError(issues, source);
  };
  const bytes = utf8Length(text);
  if (bytes > MAX_POLICY_BYTES) fail([{ path: [], message: sizeMessage(bytes) }]);

  const lines = new LineCounter();
  const at = (offset: number): Pick<PolicyIssue, 'line' | 'column'> => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };

  // The composer recurses once per level, so the depth is checked on the parser's own stack first.
  const parser = new Parser(lines.addNewLine);
  lines.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The stack holds the document, each open collection and at most one scalar.
    if (parser.stack.length > MAX_POLICY_DEPTH + 2) {
      // The prefix read so far is shallow enough to compose, and it says exactly where the limit is passed.
      const prefix = parseDocument(text.slice(0, parser.offset), { prettyErrors: false, logLevel: 'silent' });
      fail([{ path: [], message: DEPTH_MESSAGE, ...at(checkStructure(prefix)?.offset ?? offset) }]);
    }
  }
  for (const token of parser.end()) tokens.push(token);

  const composer = new Composer({ prettyErrors: false, logLevel: 'error', uniqueKeys: true });
  const docs = [...composer.compose(tokens, true, text.length)];
  const doc = docs[0]!;
  const issues = syntaxIssues(doc.errors, text).map(({ offset, message }): PolicyIssue => ({ path: [], message, ...at(offset) }));
  if (docs[1]) {
    issues.push({
      path: [],
      message: 'a second YAML document starts here (after ---); a policy is one document',
      ...at(docs[1].range[0]),
    });
  }
  if (issues.length) fail(issues);
  if (doc.contents === null) fail([{ path: [], message: 'the file is empty; a policy starts with "version: 1"' }]);

  const structural = checkStructure(doc);
  if (structural) fail([{ path: [], message: structural.message, ...at(structural.offset) }]);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof RangeError) fail([{ path: [], message: DEPTH_MESSAGE }]);
    if (!/alias/i.test(error instanceof Error ? error.message : '')) throw error;
    const alias = firstAlias(doc);
    fail([
      {
        path: [],
        message: `aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies; write the values out or use fewer aliases`,
        ...(alias?.range ? at(alias.range[0]) : {}),
      },
    ]);
  }

  const locate: Locate = (path, target = 'value') => {
    const node = nodeAt(doc, path, target);
    if (!node?.range) return undefined;
    const { line, col } = lines.linePos(node.range[0]);
    return { line, column: col };
  };
  return { data, locate };
}

/** Decodes a policy file's bytes; anything but UTF-8 is refused with the byte where it goes wrong. */
export function decodePolicyBytes(bytes: Uint8Array): string {
  if (bytes.length > MAX_POLICY_BYTES) throw new PolicyError([{ path: [], message: sizeMessage(bytes.length) }]);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new PolicyError([{ path: [], message: 'the file is UTF-16; save it as UTF-8' }]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const lineStart = bad === 0 ? 0 : bytes.lastIndexOf(0x0a, bad - 1) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
    const column = new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1;
    throw new PolicyError([{ path: [], message: `not valid UTF-8 at byte ${bad}; save the file as UTF-8`, line, column }]);
  }
}

function sizeMessage(bytes: number): string {
  const mb = (bytes / MAX_POLICY_BYTES).toFixed(1);
  return `the policy is ${mb} MB (${bytes} bytes); the limit is 1 MB (${MAX_POLICY_BYTES} bytes)`;
}

/** yaml's errors in a policy author's words; several unclosed brackets at one place become one issue. */
function syntaxIssues(errors: readonly YAMLParseError[], text: string): { offset: number; message: string }[] {
  const issues: { offset: number; message: string; closers?: string }[] = [];
  for (const error of errors) {
    const offset = error.pos[0];
    const closer = /end with an? ([\]}])$/.exec(error.message)?.[1];
    const previous = issues[issues.length - 1];
    if (closer && previous?.closers !== undefined && previous.offset === offset) {
      previous.closers += closer;
      continue;
    }
    if (closer) issues.push({ offset, message: '', closers: closer });
    else if (error.code === 'DUPLICATE_KEY') issues.push({ offset, message: `key ${JSON.stringify(keyAt(text, offset))} appears twice in the same mapping` });
    else if (error.code === 'TAB_AS_INDENT') issues.push({ offset, message: 'a tab is used for indentation; indent with spaces' });
    else issues.push({ offset, message: `syntax error: ${error.message}` });
  }
  const end = text.trimEnd().length;
  return issues.slice(0, 10).map(({ offset, message, closers }) => {
    if (closers === undefined) return { offset, message };
    const missing = JSON.stringify(closers);
    return offset >= end
      ? { offset, message: `the file ends before every bracket is closed; ${missing} is missing` }
      : { offset, message: `a bracket is not closed before this point; ${missing} is missing` };
  });
}

/** The text of the mapping key that starts at `offset`, unquoted. */
function keyAt(text: string, offset: number): string {
  const line = text.slice(offset).split(/\r?\n/, 1)[0]!;
  const raw = (/^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|.*?)\s*:(?:\s|$)/.exec(line)?.[1] ?? line).trim();
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  if (raw.startsWith('"')) {
    try {
      return String(JSON.parse(raw));
    } catch {
      return raw.slice(1, -1);
    }
  }
  return raw;
}

/** Depth past the limit, an alias to no anchor or to a node that contains it. Iterative: no recursion. */
function checkStructure(doc: Document.Parsed): { message: string; offset: number } | undefined {
  const anchors = new Map<string, unknown>();
  const open = new Set<unknown>();
  const stack: { node: unknown; depth: number; leave?: boolean }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length) {
    const { node, depth, leave } = stack.pop()!;
    if (leave) {
      open.delete(node);
      continue;
    }
    if (!isAlias(node) && (isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) anchors.set(node.anchor, node);
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const offset = node.range?.[0] ?? 0;
      if (!target) return { message: `alias *${node.source} has no anchor &${node.source} before it`, offset };
      if (open.has(target)) return { message: `alias *${node.source} refers to a value that contains it`, offset };
    } else if (isMap(node) || isSeq(node)) {
      if (depth > MAX_POLICY_DEPTH) return { message: DEPTH_MESSAGE, offset: node.range?.[0] ?? 0 };
      open.add(node);
      stack.push({ node, depth, leave: true });
      const children: unknown[] = [];
      for (const item of node.items as unknown[]) {
        if (isPair(item)) children.push(item.key, item.value);
        else children.push(item);
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
    }
  }
  return undefined;
}

function firstAlias(doc: Document.Parsed): Node | undefined {
  const stack: unknown[] = [doc.contents];
  let first: Node | undefined;
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) {
      if (!first || (node.range?.[0] ?? 0) < (first.range?.[0] ?? 0)) first = node;
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (isPair(item)) stack.push(item.key, item.value);
        else stack.push(item);
      }
    }
  }
  return first;
}

function nodeAt(doc: Document.Parsed, path: PolicyPath, target: 'value' | 'key'): Node | undefined {
  let node = doc.contents as ParsedNode | null;
  for (let i = 0; i < path.length && node; i++) {
    const resolved: unknown = isAlias(node) ? node.resolve(doc) : node;
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(resolved)) {
      const pair = resolved.items.find((item) => keyText(item.key) === String(segment));
      if (!pair) return node;
      const key = pair.key as ParsedNode;
      if (last && target === 'key') return key;
      if (!pair.value) return key;
      node = pair.value as ParsedNode;
    } else if (isSeq(resolved) && typeof segment === 'number' && resolved.items[segment]) {
      node = resolved.items[segment] as ParsedNode;
    } else {
      return node;
    }
  }
  return node ?? undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // four bytes for the two units of a surrogate pair
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Index of the first byte that starts no valid UTF-8 sequence (0-based). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) [need, lo, hi] = [2, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf];
    else if (b >= 0xf0 && b <= 0xf4) [need, lo, hi] = [3, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
