import type { PolicyInput } from '../../utils/policy/schema';

/** A deterministic pseudo-random source, so every run measures the same policy. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'tra', 'ven', 'dor', 'sil', 'que', 'zan', 'bri', 'pho', 'nex', 'ul', 'tor', 'ge', 'fa'];

function word(random: () => number, syllables = 2 + Math.floor(random() * 3)): string {
  let out = '';
  for (let i = 0; i < syllables; i++) out += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return out;
}

/** 500 banned terms and phrases, 50 substitutions, 30 patterns, 12 topics of 20–40 keywords, every other kind once. */
export function referencePolicy(): PolicyInput {
  const random = seededRandom(20261127);
  const terms = Array.from({ length: 500 }, (_, i) => (i % 5 === 0 ? `${word(random)} ${word(random)}` : word(random)));
  const swap = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`${word(random)}${i}`, `Brand${i}`]));
  const patterns = Array.from({ length: 30 }, (_, i) => ({
    id: `pattern-${i}`,
    kind: 'pattern' as const,
    level: 'error' as const,
    pattern: [`INV-[0-9]{6}`, `PO${i}-[0-9]{4,6}`, `[A-Z]{3}-${i}[0-9]{3}`, `SECRET-[a-z]+-${i}`, `#proj${i}[a-z]*`][i % 5]!,
  }));
  const topics = Array.from({ length: 12 }, (_, t) => ({
    id: `topic-${t}`,
    label: { en: `Topic ${t}`, it: `Tema ${t}` },
    keywords: Array.from({ length: 20 + Math.floor(random() * 21) }, () => word(random)),
    restricted: t % 4 === 0,
  }));
  topics[0]!.keywords.push('revenue', 'fatturato', 'utile');
  topics[1]!.keywords.push('discount', 'sconto', 'offerta');
  topics[2]!.keywords.push('webinar', 'evento', 'conference');
  return {
    version: 1,
    name: 'Benchmark reference policy',
    locale: 'en',
    members: [{ id: 'bench', name: 'Bench Member', topics: ['topic-1', 'topic-2'] }],
    topics,
    rules: [
      { id: 'banned', kind: 'terms', level: 'error', terms },
      { id: 'profanity', kind: 'terms', level: 'error', lists: ['profanity'] },
      { id: 'style', kind: 'substitution', level: 'warning', swap },
      ...patterns,
      { id: 'shouting', kind: 'capitals', level: 'warning', maxRatio: 0.5, minLetters: 12 },
      { id: 'exclamations', kind: 'punctuation', level: 'suggestion', maxRepeat: 1 },
      { id: 'emoji', kind: 'emoji', level: 'suggestion', max: 3 },
      { id: 'hashtags', kind: 'hashtags', level: 'suggestion', max: 5 },
      { id: 'competitors', kind: 'mentions', level: 'warning', handles: ['@globex'], names: ['Globex', 'Initech'] },
      { id: 'links', kind: 'links', level: 'warning', allow: ['acme.example'], shorteners: 'error' },
      { id: 'personal-data', kind: 'pii', level: 'error', detect: ['email', 'phone', 'iban', 'card'] },
      { id: 'disclosure', kind: 'disclosure', level: 'error', when: { topics: ['topic-1'] }, require: ['#ad'] },
      { id: 'length', kind: 'length', level: 'error' },
      { id: 'tone', kind: 'sentiment', level: 'warning', below: -3 },
      { id: 'topics', kind: 'topics', level: 'warning', restricted: 'error' },
      { id: 'quiet', kind: 'quiet-period', level: 'error' },
    ],
  };
}

/** Every term, keyword and substitution source of the policy: what the naive checker builds a RegExp for. */
export function allWords(policy: PolicyInput): string[] {
  const words: string[] = [];
  for (const topic of policy.topics ?? []) words.push(...(topic.keywords ?? []));
  for (const rule of policy.rules ?? []) {
    const r = rule as { terms?: string[]; swap?: Record<string, string> };
    words.push(...(r.terms ?? []), ...Object.keys(r.swap ?? {}));
  }
  return words;
}
