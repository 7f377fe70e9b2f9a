// The benchmark's knobs (PORTAVOCE_BENCH_*), its targets, the two sites and the drafts typed into them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const DRAFT_LENGTH = 3000;
export const TYPED = Number(process.env.PORTAVOCE_BENCH_KEYS ?? 500);
export const DELAY = Number(process.env.PORTAVOCE_BENCH_DELAY ?? 30);
export const TRACE = process.env.PORTAVOCE_BENCH_TRACE !== '0';
export const BASELINE = process.env.PORTAVOCE_BENCH_BASELINE !== '0';
/** PORTAVOCE_BENCH_PROFILE=DIR also records a CPU profile of each typing run there (open it in DevTools' Performance panel). */
export const PROFILE_DIR = process.env.PORTAVOCE_BENCH_PROFILE;
/** PORTAVOCE_BENCH_TRACE_DIR=DIR also writes each run's Chrome trace there. */
export const TRACE_DIR = process.env.PORTAVOCE_BENCH_TRACE_DIR;
export const VIEWPORT = { width: 1280, height: 900 };

/**
 * How Chromium paces its frames. '60hz', its default: a frame starts only at the display's next refresh, so
 * input → painted includes waiting for it (0–16.7 ms, whoever's work it is). 'unthrottled'
 * (--disable-frame-rate-limit --disable-gpu-vsync): a frame starts as soon as something needs one, so the
 * same span is the work alone, the page's and the extension's. PORTAVOCE_BENCH_FRAMES=60hz|unthrottled runs one.
 */
export type FrameMode = '60hz' | 'unthrottled';
export const FRAME_ARGS: Record<FrameMode, string[]> = { '60hz': [], unthrottled: ['--disable-frame-rate-limit', '--disable-gpu-vsync'] };
export const FRAME_MODES: FrameMode[] = (['unthrottled', '60hz'] as const)
  .filter((m) => !process.env.PORTAVOCE_BENCH_FRAMES || process.env.PORTAVOCE_BENCH_FRAMES === m);
/** PORTAVOCE_BENCH_ARGS: more Chromium switches, space-separated, for both modes. */
export const EXTRA_ARGS = (process.env.PORTAVOCE_BENCH_ARGS ?? '').split(' ').filter(Boolean);
export const TARGET = { keystrokeP95Ms: 16, longTaskMs: 50, gzipKB: 60 };
export const CONTENT_SCRIPT = join(ROOT, '.output/chrome-mv3/content-scripts/composer.js');
/** Loaded by the content script when the first compose box mounts (the engine), and only for some policies (re2js). */
export const LAZY_FILES = [join(ROOT, '.output/chrome-mv3/engine/engine.js'), join(ROOT, '.output/chrome-mv3/engine/re2js.js')];

export interface Site {
  id: string;
  label: string;
  url: string;
  platform: 'x' | 'linkedin';
  editor: string;
  lang: 'en' | 'it';
  prepare?(page: Page): Promise<void>;
}

const ALL_SITES: Site[] = [
  {
    id: 'x', label: 'X home composer', url: 'https://x.com/home', platform: 'x', lang: 'en',
    editor: '[data-testid="tweetTextarea_0"][contenteditable="true"]',
  },
  {
    id: 'linkedin', label: 'LinkedIn share box', url: 'https://www.linkedin.com/feed/', platform: 'linkedin', lang: 'it',
    editor: '.ql-editor[contenteditable="true"]',
    prepare: (page) => page.evaluate(() => window.fixture.control('open-share')),
  },
];

/** PORTAVOCE_BENCH_SITES=x or =linkedin runs one site only. */
export const SITES = ALL_SITES.filter((s) => !process.env.PORTAVOCE_BENCH_SITES || process.env.PORTAVOCE_BENCH_SITES.split(',').includes(s.id));

/** Prose paragraphs of 150–700 characters from one fixture file, in reading order. */
function paragraphs(file: string): string[] {
  const text = readFileSync(join(ROOT, 'tests/fixtures/prose', file), 'utf8');
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length >= 150 && p.length <= 700);
}

/** Policy hits (demo policy) mixed into the prose: some in the pre-filled part, some typed. */
const HITS = {
  en: {
    early: ['Our Q3 revenue grew!!!', 'Details at bit.ly/acme for ACME fans.'],
    typed: ['Call 333 123 4567 about Project Phoenix!!!', 'We thank ACME Cloud and @globex 🚀'],
  },
  it: {
    early: ['Il fatturato cresce!!!', 'Dettagli su bit.ly/acme per i fan di ACME.'],
    typed: ['Chiamate il 333 123 4567 per la fattura INV-123456!!!', 'Grazie a ACME e a @globex 🚀'],
  },
};

/**
 * A 3,000-character draft split in the pre-filled paragraphs (2,500 characters with their line breaks)
 * and the 500 characters typed after them (one line break among them). Hits go at paragraph ends.
 */
export function draftFor(lang: 'en' | 'it'): { prefill: string[]; typed: string; full: string } {
  const source = lang === 'en' ? paragraphs('en/us-state-of-the-union-02.txt').slice(40) : paragraphs('it/debian-faq-01.txt').slice(10);
  const hits = HITS[lang];
  const prefixLength = DRAFT_LENGTH - TYPED;
  const prefill: string[] = [];
  let used = 0;
  let i = 0;
  while (used < prefixLength) {
    let p = source[i++]!;
    if (i === 2 || i === 4) p = `${p} ${hits.early[i === 2 ? 0 : 1]}`;
    const room = prefixLength - used - (prefill.length > 0 ? 1 : 0);
    if (room <= 0) break;
    prefill.push(p.slice(0, room));
    used += Math.min(p.length, room) + (prefill.length > 1 ? 1 : 0);
  }
  const rest = source.slice(i);
  const tail = ` ${rest[0]!.slice(0, 80)} ${hits.typed[0]} ${rest[1]!.slice(0, 160)}\n${hits.typed[1]} ${rest[2]!}`;
  const typed = tail.slice(0, TYPED).replace(/[\ud800-\udbff]$/, ' '); // never half an emoji
  const full = prefill.join('\n') + typed;
  return { prefill, typed, full };
}
