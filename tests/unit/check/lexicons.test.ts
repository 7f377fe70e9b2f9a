import { describe, expect, it } from 'vitest';
import { EXCLUDED, IDENTITY_TERMS, PROFANITY, SOURCE } from '../../../utils/check/lexicons/profanity';
import { EXCLUDED_SENTIMENT, NEGATORS, SENTIMENT, SENTIMENT_SOURCE } from '../../../utils/check/lexicons/sentiment';

const LANGS = ['en', 'it'] as const;
const wellFormed = (w: string) => w === w.trim().toLowerCase() && w.length > 0;

describe('PROFANITY', () => {
  describe('keeps genuine vulgarities and slurs', () => {
    it.each([
      ['en', 'fuck'], ['en', 'fucking'], ['en', 'shit'], ['en', 'bullshit'], ['en', 'cunt'], ['en', 'asshole'],
      ['en', 'motherfucker'], ['en', 'bitch'], ['en', 'bollocks'], ['en', 'twat'], ['en', 'wank'],
      ['en', 'nigger'], ['en', 'faggot'], ['en', 'blowjob'], ['en', 'piece of shit'],
      ['en', 'fucked'], ['en', 'wanker'], // additions
      ['it', 'cazzo'], ['it', 'merda'], ['it', 'stronzo'], ['it', 'vaffanculo'], ['it', 'puttana'],
      ['it', 'coglione'], ['it', 'minchia'], ['it', 'figa'], ['it', 'frocio'], ['it', 'pompino'],
      ['it', 'porca puttana'], ['it', 'testa di cazzo'], ['it', 'culo'],
      ['it', 'cazzi'], ['it', 'stronzate'], // additions
    ] as const)('%s: %s', (lang, word) => {
      expect(PROFANITY[lang]).toContain(word);
    });
  });

  describe('drops ordinary, medical, identity and other-language words', () => {
    it.each([
      // spec examples and the brief's candidates
      'pesce', 'regina', 'dick', 'battere', 'balle', 'cadavere', 'bagnarsi', 'biga', 'anale', 'bordello',
      'anal', 'ball', 'beaver', 'bang', 'cock', 'hooker', 'nipple', 'sex', 'escort', 'gay', 'lesbian', 'queer',
      'fica', // FICA, the US payroll tax
      // a few more of each reason
      'penis', 'vagina', 'cum', 'rape', 'butt', 'tit', 'xx', 'twink', 'gay sex', 'lolita', 'nsfw', 'girl on',
      'sega', 'pompa', 'troia', 'palle', 'finocchio', 'vacca', 'spagnola', 'lesbica', 'omosessuale',
    ])('%s', (word) => {
      expect(PROFANITY.en).not.toContain(word);
      expect(PROFANITY.it).not.toContain(word);
    });
  });

  describe.each(LANGS)('%s list', (lang) => {
    const words = PROFANITY[lang];

    it('is non-trivial and smaller than its source', () => {
      expect(words.length).toBeGreaterThan(100);
      expect(words.length).toBeLessThan(SOURCE[lang].length + 30);
    });

    it('holds lowercase, trimmed, unique entries', () => {
      expect(words.filter((w) => !wellFormed(w))).toEqual([]);
      expect(new Set(words).size).toBe(words.length);
    });

    it('holds no regex syntax', () => {
      expect(words.filter((w) => /[\\^$.|?*+()[\]{}]/.test(w))).toEqual([]);
    });

    it('holds no exclusion of either language (both lists run on every post)', () => {
      const excluded = new Set([...EXCLUDED.en, ...EXCLUDED.it]);
      expect(words.filter((w) => excluded.has(w))).toEqual([]);
    });

    it('excludes only entries that exist upstream (no typos, no stale entries), identity guards aside', () => {
      const source = new Set(SOURCE[lang]);
      const guards = new Set(IDENTITY_TERMS[lang]);
      expect(EXCLUDED[lang].filter((w) => !source.has(w) && !guards.has(w))).toEqual([]);
      expect(EXCLUDED[lang].filter((w) => !wellFormed(w))).toEqual([]);
    });
  });
});

describe('SENTIMENT', () => {
  describe('known valences', () => {
    it.each([
      ['en', 'excellent', 1], ['en', 'good', 1], ['en', 'love', 1], ['en', 'proud', 1],
      ['en', 'terrible', -1], ['en', 'bad', -1], ['en', 'disappointed', -1], ['en', 'fraud', -1],
      ['it', 'eccellente', 1], ['it', 'fantastico', 1], ['it', 'orgoglioso', 1], ['it', 'grazie', 1],
      ['it', 'terribile', -1], ['it', 'deludente', -1], ['it', 'problema', -1], ['it', 'frode', -1],
      ['it', 'perfetto', 1], // lowercase upstream key wins over "Perfetto"
    ] as const)('%s: %s has sign %d', (lang, word, sign) => {
      expect(Math.sign(SENTIMENT[lang][word] ?? 0)).toBe(sign);
    });
  });

  describe('drops wrong or neutral entries', () => {
    it.each([
      ['it', 'a caro prezzo'], ['it', 'successivo'], ['it', 'subito'], ['it', 'dipendente'], ['it', 'autore'],
      ['it', 'periodo'], ['it', 'femmine'], ['it', 'no'], ['it', 'sì'], ['it', 'cura'], ['it', 'causa'],
      ['it', 'cazzo amore'], ['it', 'tipo'], ['it', 'può "t stare in piedi'],
      ['en', 'no'], ['en', 'like'], ['en', 'limited'], ['en', 'kind of'],
    ] as const)('%s: %s', (lang, word) => {
      expect(Object.hasOwn(SENTIMENT[lang], word)).toBe(false);
    });
  });

  describe.each(LANGS)('%s lexicon', (lang) => {
    const lexicon = SENTIMENT[lang];

    it('is non-trivial', () => {
      expect(Object.keys(lexicon).length).toBeGreaterThan(2000);
    });

    it('has lowercase, trimmed keys and nonzero integer values in -5..5', () => {
      expect(Object.keys(lexicon).filter((k) => !wellFormed(k))).toEqual([]);
      const bad = Object.entries(lexicon).filter(([, v]) => !Number.isInteger(v) || v === 0 || v < -5 || v > 5);
      expect(bad).toEqual([]);
    });

    it('does not leak Object.prototype members', () => {
      expect(lexicon['constructor']).toBeUndefined();
      expect(lexicon['toString']).toBeUndefined();
    });

    it('excludes only keys that exist upstream', () => {
      const source = new Set(Object.keys(SENTIMENT_SOURCE[lang]).map((k) => k.toLowerCase()));
      expect(EXCLUDED_SENTIMENT[lang].filter((k) => !source.has(k))).toEqual([]);
    });

    it('gives negators no valence of their own', () => {
      expect(NEGATORS[lang].filter((n) => Object.hasOwn(lexicon, n))).toEqual([]);
    });
  });
});

describe('NEGATORS', () => {
  it.each([
    ['en', 'not'], ['en', 'no'], ['en', 'never'], ["en", "don't"], ['en', 'without'],
    ['it', 'non'], ['it', 'mai'], ['it', 'nessun'], ['it', 'né'], ['it', 'senza'],
  ] as const)('%s: %s', (lang, word) => {
    expect(NEGATORS[lang]).toContain(word);
  });

  it.each(LANGS)('%s: lowercase, trimmed, unique', (lang) => {
    expect(NEGATORS[lang].filter((w) => !wellFormed(w))).toEqual([]);
    expect(new Set(NEGATORS[lang]).size).toBe(NEGATORS[lang].length);
  });
});
