// Profanity lists for the `terms` rule (`lists: [profanity]`).
//
// Source: the `naughty-words` package, i.e. the "List of Dirty, Naughty, Obscene, and Otherwise Bad
// Words" by Shutterstock and contributors (LDNOOBW), licensed CC-BY-4.0:
// https://github.com/LDNOOBW/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words
// We import the package's lists (so upstream fixes flow in) and subtract EXCLUDED below.
//
// Both lists are matched together on every post, whole word, case- and accent-insensitive, with
// obfuscation (f.u.c.k, sh1t). So the bar is PRECISION: an entry stays only if, in English OR Italian
// company prose, it is almost always a vulgarity or a slur. Exclusions are grouped by the reason.
import enSource from 'naughty-words/en.json' with { type: 'json' };
import itSource from 'naughty-words/it.json' with { type: 'json' };

import { lazyByLang } from './lazy';

type Lang = 'en' | 'it';

/**
 * Words for sexual orientation and gender identity: used neutrally, so never flagged. Most are not
 * upstream today; listing them keeps them out if they are ever added. Slurs are not in this list.
 */
export const IDENTITY_TERMS: { readonly [L in Lang]: readonly string[] } = {
  en: ['gay', 'gay sex', 'lesbian', 'queer', 'bisexual', 'homosexual', 'trans', 'transgender', 'twink'],
  it: ['gay', 'lesbica', 'lesbiche', 'queer', 'bisessuale', 'omosessuale', 'trans', 'transgender'],
};

export const EXCLUDED: { readonly [L in Lang]: readonly string[] } = {
  en: [
    ...IDENTITY_TERMS.en,
    // "Ass." is the Italian abbreviation of Associazione ("l'Ass. Culturale"), and both lists run on every post.
    'ass',
    // Anatomy, medicine, pharmacy: a health post or a pharma page must not be "profane".
    'anal', 'anus', 'clitoris', 'genitals', 'penis', 'vagina', 'vulva', 'rectum', 'semen', 'pubes', 'nipple',
    'nipples', 'ejaculation', 'masturbate', 'masturbating', 'masturbation', 'orgasm', 'fecal', 'g-spot',
    'mound of venus', 'venus mound', 'big breasts', 'cialis', 'viagra', 'spastic', 'eunuch',
    // Clinical or academic terms for sexual behaviour: descriptive, not vulgar.
    'acrotomophilia', 'coprolagnia', 'coprophilia', 'dendrophilia', 'urophilia', 'vorarephilia', 'zoophilia',
    'nimphomania', 'nymphomania', 'tribadism', 'sadism', 'sodomy', 'bestiality', 'beastiality', 'homoerotic',
    'auto erotic', 'autoerotic', 'erotic', 'erotism',
    // Ordinary words about sex, crime and abuse: news, HR and awareness posts use them.
    'sex', 'sexual', 'sexually', 'sexuality', 'sexy', 'group sex', 'phone sex', 'intercourse', 'lovemaking',
    'nude', 'nudity', 'topless', 'undressing', 'incest', 'rape', 'raping', 'rapist', 'date rape', 'daterape',
    'pedophile', 'paedophile', 'pornography', 'orgy', 'threesome', 'swinger', 'voyeur', 'voyuer', 'grope',
    'kinky', 'bondage', 'domination', 'neonazi', 'swastika', 'white power', 'strip club', 'nsfw', 'nsfw images',
    // Ordinary English words with an innocent main sense (bird, game, sport, finance, tools, Latin).
    'ball kicking', 'bareback', 'barenaked', 'bastinado', 'butt', 'cock', 'cocks', 'black cock', 'giant cock',
    'cornhole', 'cum', 'escort', 'fingering', 'hooker', 'pegging', 'rimming', 'scat', 'scissoring', 'shrimping',
    'skeet', 'snatch', 'snowballing', 'spunk', 'smut', 'suck', 'sucks', 'tit', 'vibrator', 'strappado', 'poof',
    'hardcore', 'hard core', 'dvda', 'xx', 'xxx', 's&m', 'playboy', 'panties', 'panty', 'bung hole', 'bunghole',
    'violet wand', 'clover clamps', 'leather restraint', 'leather straight jacket',
    // Names, brands, titles and words of other languages (Dick, Cumming, Maine Coon, Santorum, Tushy, Shota...).
    'dick', 'cumming', 'coon', 'coons', 'mong', 'poon', 'santorum', 'lolita', 'octopussy', 'twinkie', 'tushy',
    'shota', 'guro', 'sexo', 'nambla', 'beaver cleaver', 'deep throat', 'deepthroat', 'girls gone wild',
    'suicide girls', 'tainted love', 'menage a trois', 'chocolate rosebuds', 'jelly donut', 'lemon party',
    'blue waffle', 'fudge packer', 'tea bagging',
    // Phrases of ordinary words, or fragments that occur in ordinary sentences.
    'alaskan pipeline', 'baby juice', 'barely legal', 'big black', 'blonde action', 'blonde on blonde action',
    'brunette action', 'dirty pillows', 'dog style', 'double penetration', 'foot fetish', 'girl on',
    'girl on top', 'hot chick', 'how to kill', 'how to murder', 'huge fat', 'make me come',
    'missionary position', 'pleasure chest', 'rosy palm', 'spread legs', 'strap on', 'sultry women',
    'taste my', 'tied up', 'tight white', 'tongue in a', 'wrapping men',
  ],
  it: [
    ...IDENTITY_TERMS.it,
    // Ordinary Italian words whose vulgar sense is secondary (spec: pesce, regina).
    'pesce', 'regina', 'battere', 'balle', 'palle', 'cadavere', 'bagnarsi', 'biga', 'bocchino', 'cozza', 'fava',
    'femminuccia', 'finocchio', 'ingoio', 'monta', 'montare', 'nave scuola', 'pecorina', 'pisello', 'pompa',
    'porca', 'porco', 'quaglia', 'rizzarsi', 'sbattere', 'sbattersi', 'sega', 'spagnola', 'tirare', 'vacca',
    'vangare', 'cagna', 'chiappa', 'pipì', 'cacca', 'ammucchiata', 'assatanato', 'guardone', 'lecchino',
    'ruffiano', 'patacca', 'pistolotto', 'pippone', 'pomiciare', 'slinguare', 'slinguata', 'sbrodolata',
    'succhione', 'sverginare', 'palloso', 'imbecille', 'mannaggia', 'porca miseria', 'bordello', 'zio cantante',
    // Anatomy.
    'anale',
    // Names, places and words of other languages: Troia (Troy, "cavallo di Troia"), Mona Lisa, Pippa,
    // Mussa (Musa), Casci (surname), FICA (US payroll tax).
    'troia', 'mona', 'pippa', 'mussa', 'casci', 'fica',
  ],
};

/** Upstream gaps: inflections of entries we keep (matching is whole-word, without stemming). */
const ADDED: { readonly [L in Lang]: readonly string[] } = {
  en: [
    'fucked', 'fucker', 'fuckers', 'fucks', 'motherfuckers', 'motherfucking', 'shits', 'shitting', 'assholes',
    'cunts', 'twats', 'dickhead', 'dickheads', 'shithead', 'dipshit', 'wanker', 'wankers', 'goddamn',
  ],
  it: [
    'cazzi', 'cazzate', 'stronzi', 'stronze', 'stronzate', 'puttane', 'puttanata', 'puttanate', 'fanculo',
    'cagate', 'coglionata', 'coglionate', 'incazzato', 'incazzata', 'incazzati', 'fottuto', 'fottuta',
    'fottuti', 'minchiata', 'minchiate', 'rompicoglioni', 'porco dio', 'dio porco', 'dio cane', 'porca troia',
  ],
};

export const normalizeEntry = (entry: string): string => entry.normalize('NFC').trim().toLowerCase();

/** The upstream lists, normalized, before curation (exported for tests and reports). */
export const SOURCE: { readonly [L in Lang]: readonly string[] } = {
  en: [...new Set((enSource as string[]).map(normalizeEntry))],
  it: [...new Set((itSource as string[]).map(normalizeEntry))],
};

// Regex metacharacters would mean something else to a pattern-based consumer: drop such entries.
const REGEX_SYNTAX = /[\\^$.|?*+()[\]{}]/;

function curate(lang: Lang): readonly string[] {
  // Identity words are excluded whichever list they come from: both lists run on every post.
  const excluded = new Set([...EXCLUDED[lang], ...IDENTITY_TERMS.en, ...IDENTITY_TERMS.it].map(normalizeEntry));
  const words = [...SOURCE[lang], ...ADDED[lang].map(normalizeEntry)];
  return Object.freeze([...new Set(words)].filter((w) => w !== '' && !excluded.has(w) && !REGEX_SYNTAX.test(w)));
}

/** Curated on first use, not when the engine loads. */
export const PROFANITY: { readonly en: readonly string[]; readonly it: readonly string[] } = lazyByLang(curate);
