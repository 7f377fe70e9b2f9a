// npm run bench: the engine's speed on a reference policy, against two baselines, as printed figures.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { Bench } from 'tinybench';
import { compile } from '../../utils/check/engine';
import { policySchema } from '../../utils/policy/schema';
import { allWords, referencePolicy } from './reference-policy';
import type { CheckContext, Draft } from '../../utils/check/types';

const proseDir = new URL('../fixtures/prose/', import.meta.url);

function prose(lang: 'en' | 'it'): string {
  const dir = new URL(`${lang}/`, proseDir);
  if (!existsSync(dir)) throw new Error(`missing prose fixtures in ${dir.pathname}`);
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n\n');
}

/** A draft of exactly `size` UTF-16 units, cut at a word boundary, with a few things to find. */
function draftOf(lang: 'en' | 'it', size: number): string {
  const text = prose(lang).replace(/\s+/g, ' ');
  const start = Math.floor(text.length / 3);
  const extras = lang === 'en'
    ? ' Our revenue grew!!! Visit bit.ly/acme #launch @globex 😀 INV-123456.'
    : ' Il fatturato cresce!!! Visita bit.ly/acme #lancio @globex 😀 INV-123456.';
  const body = text.slice(start, start + size - extras.length);
  return (body + extras).slice(0, size);
}

const policy = policySchema.parse(referencePolicy());

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

// Compile time: fresh each time.
const compileTimes: number[] = [];
for (let i = 0; i < 15; i++) {
  const t0 = performance.now();
  compile(policy);
  compileTimes.push(performance.now() - t0);
}
const engine = compile(policy);

// Baseline 1: one RegExp per term, built per call (what a first version would do).
const words = allWords(referencePolicy());
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function naiveCheck(text: string): number {
  let count = 0;
  for (const w of words) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(w)}(?![\\p{L}\\p{N}])`, 'giu');
    const normalized = text.normalize('NFD').replace(/\p{M}/gu, '');
    for (const _ of normalized.matchAll(re)) count++;
  }
  return count;
}

// Baseline 2: the floor, one pass over the draft folding case and accents through a table.
const foldTable = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const s = String.fromCharCode(c);
  const f = c >= 0xd800 && c <= 0xdfff ? s : s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  foldTable[c] = f.length === 1 ? f.charCodeAt(0) : c;
}
function scanFloor(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + foldTable[text.charCodeAt(i)]!) | 0;
  return h;
}

// The first check after an idle pause, as in a composer where the member stops typing, then types again.
// Measured twice. Early in a session, right after compile and a few checks, before the baselines fill the heap
// with garbage: V8 is then still compiling the engine's functions to optimized code, and the pauses measure
// that too (on this machine functions are still being optimized, and some deoptimized, between the pauses).
// Then with the engine settled, after as many checks as a 3,000-character draft has keystrokes: what a member
// who pauses while writing meets, and the figure the target is judged on (the first checks of a session are
// the composer benchmark's concern, and the warm-up's: utils/check/warm-up.ts). Fifteen pauses each: on a
// shared machine one pause's figure can be twice another's, and a median of five moved by 0.2 ms between runs.
const IDLE_PAUSES = 15;
const SETTLING_CHECKS = 3000;
const idleDraft: Draft = { text: draftOf('it', 3000), platform: 'x', surface: 'post' };

async function idleChecks(): Promise<{ idle: number[]; backToBack: number[] }> {
  const idle: number[] = [];
  for (let i = 0; i < IDLE_PAUSES; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const t0 = performance.now();
    engine.check(idleDraft, { memberId: 'bench' });
    idle.push(performance.now() - t0);
  }
  // The same draft checked back to back, for what the pause adds.
  const backToBack: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    engine.check(idleDraft, { memberId: 'bench' });
    if (i >= 20) backToBack.push(performance.now() - t0);
  }
  return { idle, backToBack };
}

for (let i = 0; i < 20; i++) engine.check(idleDraft, { memberId: 'bench' });
const earlyIdle = await idleChecks();
for (let i = 0; i < SETTLING_CHECKS; i++) engine.check(idleDraft, { memberId: 'bench' });
const settledIdle = await idleChecks();

// What a pause costs code that does next to nothing: the scan floor's first pass over the same draft after the
// same pause, against back to back. On this project's virtual machine anything run after a few milliseconds of
// other work (or sleep) is several times slower the first time; the check pays that for every rule it runs.
const FLOOR_PAUSES = 8;
const idleFloor: number[] = [];
const idleFloorWarm: number[] = [];
for (let i = 0; i < 20; i++) scanFloor(idleDraft.text);
for (let i = 0; i < FLOOR_PAUSES; i++) {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  let t0 = performance.now();
  scanFloor(idleDraft.text);
  idleFloor.push(performance.now() - t0);
  t0 = performance.now();
  scanFloor(idleDraft.text);
  idleFloorWarm.push(performance.now() - t0);
}

/**
 * check / floor measured in alternating batches, so that both see the same machine: on a shared
 * virtual machine the speed drifts by ±30 % from one second to the next, which separate timings
 * (tinybench runs one task after the other) turn into noise in the ratio.
 */
function interleavedRatio(text: string, draft: Draft, context: CheckContext): number {
  const ratios: number[] = [];
  for (let round = 0; round < 40; round++) {
    let t0 = performance.now();
    for (let i = 0; i < 20; i++) sink.push(engine.check(draft, context));
    const check = (performance.now() - t0) / 20;
    t0 = performance.now();
    for (let i = 0; i < 200; i++) sink.push(scanFloor(text));
    const floor = (performance.now() - t0) / 200;
    sink.length = 0;
    if (round >= 5) ratios.push(check / floor);
  }
  return median(ratios);
}

const sink: unknown[] = [];
/**
 * The check's own tail: p95 / median within windows of 100 consecutive checks (10–20 ms each), the median over
 * the windows. This machine changes speed in episodes of tens of milliseconds (the median of 100 checks jumps
 * from 85 to 155 µs and back), which the p95 of a whole run counts as the check's; within a window the
 * machine's speed is mostly one, and what remains is the check's (garbage collection, slow paths).
 */
function windowedTail(draft: Draft, context: CheckContext): number {
  const times: number[] = [];
  let last: unknown;
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    last = engine.check(draft, context);
    times.push(performance.now() - t0);
  }
  sink.push(last);
  const ratios: number[] = [];
  for (let w = 0; w + 100 <= times.length; w += 100) {
    const window = times.slice(w, w + 100);
    ratios.push(quantile(window, 0.95) / median(window));
  }
  return median(ratios);
}

const rows: Record<string, string | number>[] = [];
for (const lang of ['en', 'it'] as const) {
  for (const size of [280, 1000, 3000]) {
    const text = draftOf(lang, size);
    const draft: Draft = { text, platform: 'linkedin', surface: 'post' };
    const context = { memberId: 'bench', now: Date.parse('2026-11-27T10:00:00Z') };
    const bench = new Bench({ time: 600, warmupTime: 150, retainSamples: true });
    bench
      .add('check', () => { sink.push(engine.check(draft, context)); })
      .add('scan floor', () => { sink.push(scanFloor(text)); })
      .add('naive', () => { sink.push(naiveCheck(text)); }, { retainSamples: true });
    await bench.run();
    sink.length = 0;
    const [check, floor, naive] = bench.tasks.map((t) => {
      const samples = (t.result as { latency?: { samples?: number[] } }).latency?.samples ?? [];
      return { med: median(samples) * 1000, p95: quantile(samples, 0.95) * 1000 };
    });
    const findings = engine.check(draft, context).findings.length;
    const ratio = interleavedRatio(text, draft, context);
    const tail = windowedTail(draft, context);
    sink.length = 0;
    rows.push({
      draft: `${lang} ${size}`,
      'check median µs': check!.med.toFixed(1),
      'check p95 µs': check!.p95.toFixed(1),
      'p95/median': (check!.p95 / check!.med).toFixed(2),
      'p95/median in windows': tail.toFixed(2),
      'floor median µs': floor!.med.toFixed(2),
      'check/floor': ratio.toFixed(1),
      'naive median µs': naive!.med.toFixed(0),
      'naive/check': (naive!.med / check!.med).toFixed(0),
      findings,
    });
  }
}

console.log(`Portavoce engine benchmark — ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`);
console.log(`Reference policy: 500 terms + profanity lists, 50 substitutions, 30 patterns, 12 topics, every other kind once.`);
console.table(rows);
console.log(`compile: median ${median(compileTimes).toFixed(1)} ms, max ${Math.max(...compileTimes).toFixed(1)} ms (target < 50 ms)`);
const ms = (v: number) => v.toFixed(3);
const idleLine = ({ idle, backToBack }: { idle: number[]; backToBack: number[] }) =>
  `median ${ms(median(idle))} ms, max ${ms(Math.max(...idle))} ms (${IDLE_PAUSES} pauses, middle half ${ms(quantile(idle, 0.25))}–${ms(quantile(idle, 0.75))} ms); the same draft back to back: median ${ms(median(backToBack))} ms`;
console.log(`first check after a 1.5 s idle pause (3,000 chars, X), the engine settled (${SETTLING_CHECKS} checks before): ${idleLine(settledIdle)} (target < 0.5 ms)`);
console.log(`  the same early in a session (20 checks after compile; not judged: V8 is still optimizing the engine): ${idleLine(earlyIdle)}`);
console.log(`for comparison, the scan floor over the same draft after the same pause: median ${(median(idleFloor) * 1000).toFixed(1)} µs, right after: ${(median(idleFloorWarm) * 1000).toFixed(1)} µs (${FLOOR_PAUSES} pauses)`);
const r3000 = rows.filter((r) => String(r.draft).endsWith(' 3000'));
for (const r of r3000) {
  console.log(`${r.draft}: check/floor ${r['check/floor']}× (target ≤ 15×), p95/median ${r['p95/median in windows']} within 100-check windows (target ≤ 2; ${r['p95/median']} over the whole run, where the machine's slow episodes count)`);
}
