// The ReDoS corpus: patterns that make a backtracking engine take exponential or polynomial time, each
// with its attack string, and patterns a policy really uses. Attack strings are 100,000 characters.
export const ATTACK_LENGTH = 100_000;

const fill = (unit: string, tail = '') => unit.repeat(Math.ceil((ATTACK_LENGTH - tail.length) / unit.length)).slice(0, ATTACK_LENGTH - tail.length) + tail;

export interface RedosCase {
  pattern: string;
  attack: string;
}

export const DANGEROUS: RedosCase[] = [
  ['(a+)+$', fill('a', '!')], ['(a*)*b', fill('a')], ['(a|aa)+$', fill('a', '!')], ['(a|a?)+$', fill('a', '!')],
  ['(.*a){20}', fill('a')], ['(.*a){12}', fill('a')], ['(\\w+\\s?)+$', fill('ab ', '!')],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', fill('a', '!')], ['([a-zA-Z]+)*$', fill('a', '1')], ['(a|b|ab)*c', fill('ab')],
  ['(x+x+)+y', fill('x')], ['(\\d+)*\\.\\d+', fill('1')], ['^(\\w+\\.?)+@', fill('a')], ['([\\w.-]+)+@example\\.com', fill('a')],
  ['(\\s*\\w+\\s*)+!', fill('a ')], ['((ab)*)+c', fill('ab')], ['(a{1,10}){1,10}b', fill('a')], ['(.+)+z', fill('a')],
  ['(.*)*x', fill('a')], ['(?:a+){2,}b', fill('a')], ['(?:\\s+)+$', fill(' ', '!')], ['[a-z]+[a-z]+[a-z]+!', fill('a')],
  ['\\w+\\w+\\w+\\w+!', fill('a')], ['(?i)(acme\\s*)+!', fill('acme ')], ['(\\d{1,3}\\.?){4,}x', fill('1.')],
  ['(<[^>]*>)+z', fill('<a>')], ['(\\w+)+[\'"]x', fill('a')], ['(\\w+-?)+\\.com', fill('a-')], ['(a|ab|abc)+d', fill('abc')],
  ['(.*,)*$', fill('a,')], ['^(a+)+b', fill('a')], ['(\\w|\\d)+$', fill('a', '!')], ['(\\S+\\s*)+$', fill('a ')],
  ['([^,]*,){50}x', fill('a,')], ['((a+)+)+b', fill('a')], ['(a?){30}a{30}', fill('a')], ['(a|b|c|d|e)+f', fill('abcde')],
  ['(\\.|[^.])+x', fill('a.')], ['(.)\\1', fill('a')], ['(?=a)a', fill('a')], ['((?:a|b)+)*c', fill('ab')],
  ['(\\w+){10}!', fill('a')], ['(\\d+\\s?)+%', fill('1 ')], ['(.*\\s)*end', fill('a ')], ['(?s)(.*\\n)+x', fill('a\n')],
  ['(a+b?)+c', fill('ab')], ['([a-z0-9]+[-.]?)+@', fill('a-')], ['(x|y|xy)+z', fill('xy')], ['(\\w+\\.)+\\w+@', fill('a.')],
  ['(([a-z])+)+$', fill('a', '1')],
].map(([pattern, attack]) => ({ pattern: pattern!, attack: attack! }));

export const BENIGN: RedosCase[] = [
  ['\\bINV-\\d{6}\\b', fill('INV-12345 ')], ['\\bPRJ-[A-Z]{3}-\\d{3}\\b', fill('PRJ-ABC-12 ')], ['(?i)\\bcodename\\s+\\w+', fill('codename x ')],
  ['\\b\\d{3}-\\d{2}-\\d{4}\\b', fill('123-45-678 ')], ['https?://\\S+', fill('http://a ')], ['[\\w.+-]+@[\\w-]+\\.\\w+', fill('a@b.')],
  ['\\bQ[1-4]\\s+20\\d\\d\\b', fill('Q1 20 ')], ['€\\s?\\d+', fill('€ ')], ['\\$\\d+(?:\\.\\d{2})?', fill('$1.')],
  ['\\b[A-Z]{2}\\d{2}[A-Z0-9]{10,30}\\b', fill('IT60X054')], ['(?i)\\b(?:confidential|riservato)\\b', fill('confidentia ')],
  ['(?i)acme\\s+nova\\s+\\d+', fill('acme nova ')], ['\\b(?:launch|lancio)\\s+date\\b', fill('launch dat ')], ['#[A-Za-z]\\w{2,29}', fill('#a ')],
  ['@[A-Za-z0-9_]{1,15}\\b', fill('@')], ['\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b', fill('1/2/')], ['\\b(?:\\d{4}[ -]?){3}\\d{4}\\b', fill('1234 ')],
  ['(?i)\\bunder\\s+embargo\\b', fill('under embarg ')], ['\\bv\\d+\\.\\d+\\.\\d+\\b', fill('v1.2.')], ['(?i)\\bsku[-:]?\\s?\\d{5,8}\\b', fill('sku ')],
  ['\\+39\\s?\\d{2,4}\\s?\\d{5,8}', fill('+39 12 ')], ['(?m)^RE:\\s', fill('RE:')], ['\\b[A-Z]{4,}\\b', fill('ABC ')], ['!{3,}', fill('!!a')],
  ['\\?{2,}', fill('?a')], ['(?i)\\bbuy now\\b', fill('buy no ')], ['(?i)\\b(?:free|gratis)\\s+trial\\b', fill('free tria ')],
  ['\\b\\d+%\\s+(?:off|sconto)\\b', fill('10% of ')], ['(?i)\\bguaranteed?\\b', fill('guarantee')], ['\\bTODO\\b', fill('TOD ')],
  ['\\[DRAFT\\]', fill('[DRAFT')], ['(?i)password\\s*[:=]\\s*\\S+', fill('password: ')], ['\\b[0-9a-f]{32}\\b', fill('0123456789abcdef ')],
  ['\\bAKIA[0-9A-Z]{16}\\b', fill('AKIA0123 ')], ['(?i)\\bproject\\s+(?:falcon|aquila)\\b', fill('project falco ')],
  ['\\b(?:19|20)\\d{2}-\\d{2}-\\d{2}\\b', fill('2026-11-2 ')], ['(?i)\\b(?:ceo|cfo)\\s+said\\b', fill('ceo sai ')], ['\\(\\d{3}\\)\\s?\\d{3}-\\d{4}', fill('(123) 45')],
  ['(?i)\\bwin\\s+a\\s+\\w+', fill('win a ')], ['\\b[A-Z][a-z]+\\s+[A-Z][a-z]+\\s+Ltd\\b', fill('Acme Corp Lt ')], ['(?i)\\bsecret\\b', fill('secre ')],
  ['\\d+\\s?(?:k|K|M)\\b', fill('10 ')], ['(?i)\\bnda\\b', fill('nd ')], ['(?i)ticket\\s*#\\d+', fill('ticket #')], ['[A-Z]{3}\\d{3}', fill('AB1')],
  ['(?i)\\bteaser\\b', fill('tease ')], ['(?i)\\bleak(?:ed)?\\b', fill('lea ')], ['\\bEBITDA\\s+[+-]?\\d+', fill('EBITDA ')],
  ['(?i)\\bshhh+\\b', fill('sh ')], ['(?i)\\bembargo\\s+until\\s+\\d{1,2}', fill('embargo until ')],
].map(([pattern, attack]) => ({ pattern: pattern!, attack: attack! }));
