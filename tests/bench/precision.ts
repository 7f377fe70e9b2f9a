// npm run bench:precision — how often the engine flags ordinary prose that nobody wrote for it.
// Runs the shared example policy and the embedded demo policy over every paragraph of the real-prose
// corpus (tests/fixtures/prose/{en,it}/*.txt, see SOURCES.md) as LinkedIn posts with no member, and
// prints per language the findings per rule (count and per 100k characters). Findings of the rules
// that must stay near zero on such text (profanity, personal data, confidential terms) are false
// positives: each is listed below its table with where it was found.
// With --all, every finding of every rule is listed (tone, links, … are policy choices, not bugs).
// tests/unit/check/precision.test.ts asserts on the same figures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, type CompiledPolicy } from '../../utils/check/engine';
import type { Finding } from '../../utils/check/types';
import { DEMO_POLICY } from '../../utils/policy/demo';
import { loadPolicyText } from '../../utils/policy/load';
import { policySchema } from '../../utils/policy/schema';

export const LANGS = ['en', 'it'] as const;
export type Lang = (typeof LANGS)[number];

/** Rules that ordinary prose should (almost) never trigger: every finding of theirs is a false positive. */
export const WATCHED_RULES = ['profanity', 'personal-data', 'confidential'] as const;

const fixtures = new URL('../fixtures/', import.meta.url);

export interface Paragraph {
  file: string;
  /** 1-based position of the paragraph in its file. */
  index: number;
  text: string;
}

/** Every paragraph of the corpus for a language: files in name order, paragraphs split on blank lines. */
export function paragraphs(lang: Lang): Paragraph[] {
  const dir = new URL(`prose/${lang}/`, fixtures);
  if (!existsSync(dir)) throw new Error(`missing prose fixtures in ${fileURLToPath(dir)}`);
  const out: Paragraph[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const parts = readFileSync(new URL(file, dir), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    parts.forEach((text, i) => out.push({ file: `${lang}/${file}`, index: i + 1, text }));
  }
  return out;
}

export const examplePolicy = () => loadPolicyText(readFileSync(new URL('policies/example.yaml', fixtures), 'utf8'), 'example.yaml');
export const demoPolicy = () => policySchema.parse(DEMO_POLICY);

export interface Hit {
  paragraph: Paragraph;
  finding: Finding;
}

export interface CorpusStats {
  characters: number;
  paragraphs: number;
  /** Findings per rule id, every rule of the policy listed (zero included), in policy order. */
  counts: Map<string, number>;
  /** Every finding of the watched rules. */
  watched: Hit[];
  /** Every finding of the other rules. */
  others: Hit[];
}

const codePoints = (text: string) => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/** Checks every paragraph as a LinkedIn post by nobody in particular. */
export function measure(engine: CompiledPolicy, corpus: readonly Paragraph[]): CorpusStats {
  const counts = new Map<string, number>(engine.policy.rules.map((rule) => [rule.id as string, 0]));
  const watched: Hit[] = [];
  const others: Hit[] = [];
  let characters = 0;
  for (const paragraph of corpus) {
    characters += codePoints(paragraph.text);
    const { findings } = engine.check({ text: paragraph.text, platform: 'linkedin', surface: 'post' }, {});
    for (const finding of findings) {
      counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
      ((WATCHED_RULES as readonly string[]).includes(finding.ruleId) ? watched : others).push({ paragraph, finding });
    }
  }
  return { characters, paragraphs: corpus.length, counts, watched, others };
}

export const falsePositives = (stats: CorpusStats) => stats.watched.length;

const per100k = (count: number, characters: number) => (characters === 0 ? 0 : (count * 100_000) / characters);
const num = (n: number) => n.toLocaleString('en-US');

/** The finding in a few words of its paragraph, the match in «». */
function context(hit: Hit, width = 40): string {
  const { text } = hit.paragraph;
  const { start, end } = hit.finding;
  const before = text.slice(Math.max(0, start - width), start);
  const after = text.slice(end, end + width);
  return `${start > width ? '…' : ''}${before}«${text.slice(start, end)}»${after}${end + width < text.length ? '…' : ''}`;
}

export function report(title: string, lang: Lang, stats: CorpusStats, all = false): string {
  const lines: string[] = [];
  lines.push(`${title} — ${lang}: ${num(stats.characters)} characters, ${num(stats.paragraphs)} paragraphs`);
  const width = Math.max(12, ...[...stats.counts.keys()].map((id) => id.length));
  lines.push(`  ${'rule'.padEnd(width)}  ${'findings'.padStart(8)}  ${'per 100k chars'.padStart(14)}`);
  let total = 0;
  for (const [id, count] of stats.counts) {
    total += count;
    const mark = (WATCHED_RULES as readonly string[]).includes(id) ? ' *' : '';
    lines.push(`  ${id.padEnd(width)}  ${String(count).padStart(8)}  ${per100k(count, stats.characters).toFixed(2).padStart(14)}${mark}`);
  }
  lines.push(`  ${'total'.padEnd(width)}  ${String(total).padStart(8)}  ${per100k(total, stats.characters).toFixed(2).padStart(14)}`);
  lines.push(`  * false positives on this corpus (${stats.watched.length}):`);
  if (stats.watched.length === 0) lines.push('    none');
  for (const hit of stats.watched) {
    const { finding, paragraph } = hit;
    lines.push(`    ${finding.ruleId} «${finding.match}»  ${paragraph.file} ¶${paragraph.index}: ${context(hit)}`);
  }
  if (all) {
    lines.push(`  other findings (${stats.others.length}):`);
    for (const hit of stats.others) {
      lines.push(`    ${hit.finding.ruleId} ${hit.finding.level} «${hit.finding.match}»  ${hit.paragraph.file} ¶${hit.paragraph.index}`);
    }
  }
  return lines.join('\n');
}

function main(all: boolean): void {
  const corpora = Object.fromEntries(LANGS.map((lang) => [lang, paragraphs(lang)])) as Record<Lang, Paragraph[]>;
  const policies: [string, CompiledPolicy][] = [
    ['Example policy (tests/fixtures/policies/example.yaml)', compile(examplePolicy())],
    ['Demo policy (utils/policy/demo.ts)', compile(demoPolicy())],
  ];
  for (const [title, engine] of policies) {
    for (const lang of LANGS) {
      console.log(report(title, lang, measure(engine, corpora[lang]), all));
      console.log();
    }
  }
}

// Run as a script (node utils/cli/run-ts.mjs tests/bench/precision.ts), not when a test imports it.
if (/[\\/]precision\.ts$/.test(process.argv[1] ?? '')) main(process.argv.includes('--all'));
