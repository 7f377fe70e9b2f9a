import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { compile } from '../check/engine';
import { PLATFORMS, SURFACES, type CheckContext, type Platform, type Surface } from '../check/types';
import { loadPolicyText } from '../policy/load';
import { PolicyError, formatIssue } from '../policy/issues';
import { quietPeriodsFromIcs, IcsError } from '../calendar/ics';
import { formatFindingLine } from './format';

export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  readStdin(): Promise<string>;
}

export const USAGE = `Usage:
  portavoce check --policy FILE [--member ID] [--platform x|linkedin] [--surface post|reply|quote|comment|message]
                  [--calendar FILE.ics] [--now ISO-TIME] [--format text|json] [FILE…|-]
  portavoce lint-policy FILE

check    prints findings as file:line:col level rule message (or one JSON object per input);
         exit 0 without error-level findings, 1 with them, 2 for bad usage, an unknown member or a bad policy.
lint-policy  validates a policy: located errors (exit 2) or a one-line summary (exit 0).`;

class UsageError extends Error {}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return await check(rest, io);
    if (command === 'lint-policy') return await lintPolicy(rest, io);
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`portavoce: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof PolicyError) {
      for (const issue of error.issues) io.stderr(formatIssue(issue, error.source));
      return 2;
    }
    if (error instanceof IcsError || error instanceof InputError) {
      io.stderr(`portavoce: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

class InputError extends Error {}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

async function loadPolicyFile(path: string) {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return loadPolicyText(bytes, path);
}

type ParseOptions = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

function parse(args: string[], options: ParseOptions) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
  }
  return value as T;
}

async function check(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    policy: { type: 'string' },
    member: { type: 'string' },
    platform: { type: 'string' },
    surface: { type: 'string' },
    calendar: { type: 'string' },
    now: { type: 'string' },
    format: { type: 'string' },
  });
  const v = values as Record<string, string | undefined>;
  if (!v.policy) throw new UsageError('--policy FILE is required');
  const platform: Platform = oneOf(v.platform, PLATFORMS, '--platform', 'linkedin');
  const surface: Surface = oneOf(v.surface, SURFACES, '--surface', 'post');
  const format = oneOf(v.format, ['text', 'json'] as const, '--format', 'text');
  let now: number | undefined;
  if (v.now !== undefined) {
    now = Date.parse(v.now);
    if (Number.isNaN(now)) throw new UsageError(`--now must be an ISO date-time such as 2026-11-27T09:00:00Z, not "${v.now}"`);
  }
  const policy = await loadPolicyFile(v.policy);
  if (v.member !== undefined && !policy.members.some((member) => member.id === v.member)) {
    const known = policy.members.map((member) => member.id).join(', ') || '(none)';
    throw new InputError(`unknown member "${v.member}"; the policy's members are: ${known}`);
  }
  let quietPeriods: CheckContext['quietPeriods'];
  if (v.calendar !== undefined) {
    try {
      quietPeriods = quietPeriodsFromIcs(await readText(v.calendar), now);
    } catch (error) {
      if (error instanceof IcsError) throw new IcsError(`${v.calendar}${error.line ? `:${error.line}` : ''}: ${error.message}`);
      throw error;
    }
  }
  const engine = compile(policy);
  const context: CheckContext = {
    ...(v.member !== undefined ? { memberId: v.member } : {}),
    ...(now !== undefined ? { now: now } : {}),
    ...(quietPeriods ? { quietPeriods } : {}),
  };
  const inputs = positionals.length > 0 ? positionals : ['-'];
  let sawError = false;
  for (const input of inputs) {
    const name = input === '-' ? '<stdin>' : input;
    const text = input === '-' ? await io.readStdin() : await readText(input);
    const result = engine.check({ text, platform, surface }, context);
    if (result.findings.some((finding) => finding.level === 'error')) sawError = true;
    if (format === 'json') {
      io.stdout(JSON.stringify({ file: name, findings: result.findings, topics: result.topics }));
    } else {
      for (const finding of result.findings) io.stdout(formatFindingLine(name, text, finding));
    }
  }
  return sawError ? 1 : 0;
}

async function lintPolicy(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError('lint-policy takes exactly one FILE');
  const path = positionals[0]!;
  const policy = await loadPolicyFile(path);
  compile(policy);
  const kinds = new Set(policy.rules.map((rule) => rule.kind as string));
  io.stdout(
    `${path}: OK: “${policy.name}”, format ${policy.version}, ${policy.rules.length} rules of ${kinds.size} kinds, ` +
      `${policy.topics.length} topics, ${policy.members.length} members, gate ${policy.gate}`,
  );
  return 0;
}
