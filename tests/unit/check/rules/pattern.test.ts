import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { checkWith, policyWith, spans } from '../helpers';
import { compile } from '../../../../utils/check/engine';
import { patternRule } from '../../../../utils/check/rules/pattern';
import { compileFinder, nativeEligible } from '../../../../utils/check/rules/pattern/matcher';
import { translate } from '../../../../utils/check/rules/pattern/native';

const rule = (pattern: string, ignoreCase?: boolean) => ({ id: 'p', kind: 'pattern', level: 'error', pattern, ignoreCase });
const found = (pattern: string, text: string, ignoreCase?: boolean) => spans(checkWith([rule(pattern, ignoreCase)], text).findings);

const INVOICE = 'INV-[0-9]{6}';
const CODICE_FISCALE = '[A-Z]{6}[0-9]{2}[A-Z][0-9]{2}[A-Z][0-9]{3}[A-Z]';

describe('pattern: flags', () => {
  it.each([
    [INVOICE, 'Pay INV-123456 today', false, [['INV-123456', 4, 14]]],
    [INVOICE, '❤️ INV-000001 e INV-000002', false, [['INV-000001', 3, 13], ['INV-000002', 16, 26]]],
    [INVOICE, 'Riga uno\r\nINV-654321', false, [['INV-654321', 10, 20]]],
    [INVOICE, 'Caffe\u0301 offerto: INV-111111', false, [['INV-111111', 16, 26]]],
    [INVOICE, 'PREINV-1234567', false, [['INV-123456', 3, 13]]],
    [CODICE_FISCALE, 'Il mio codice è RSSMRA85T10A562S.', false, [['RSSMRA85T10A562S', 16, 32]]],
    ['password', 'My PassWord is secret', true, [['PassWord', 3, 11]]],
    ['(?i)riservat[oa]', 'Documento RISERVATO, bozza Riservata', false, [['RISERVATO', 10, 19], ['Riservata', 27, 36]]],
    ['aa', 'aaaaa', false, [['aa', 0, 2], ['aa', 2, 4]]],
    ['🚀+', 'Lancio 🚀🚀 oggi', false, [['🚀🚀', 7, 11]]],
    ['perché', 'Ecco perché 🇮🇹 perché', false, [['perché', 5, 11], ['perché', 17, 23]]],
    ['[a-z.]+@acme\\.internal', 'Scrivi a ✉️ mario.rossi@acme.internal', false, [['mario.rossi@acme.internal', 12, 37]]],
    ['(?i)codename\\s+\\w+', 'the CODENAME  orion leaks', false, [['CODENAME  orion', 4, 19]]],
    ['\\bQ[1-4] 20[0-9]{2}\\b', 'Risultati Q3 2026, poi Q4 2026', false, [['Q3 2026', 10, 17], ['Q4 2026', 23, 30]]],
  ])('%s in %j (ignoreCase %s)', (pattern, text, ignoreCase, expected) => {
    expect(found(pattern, text, ignoreCase)).toEqual(expected);
  });
});

describe('pattern: does not flag', () => {
  it.each([
    [INVOICE, 'INV-12345 has five digits'],
    [INVOICE, 'inv-123456 is lower case'],
    [INVOICE, 'INV 123456'],
    [INVOICE, ''],
    [CODICE_FISCALE, 'rssmra85t10a562s'],
    ['password', 'passw0rd'],
    ['perché', 'perche\u0301 (decomposed: patterns see the text as written)'],
    ['\\bacme\\b', 'acmeCorp e AcmeCorp'],
    ['(?i)codename\\s+\\w+', 'codenames'],
    ['\\bQ[1-4] 20[0-9]{2}\\b', 'Q5 2026, XQ3 2026'],
  ])('%s in %j', (pattern, text) => {
    expect(found(pattern, text)).toEqual([]);
  });
});

describe('pattern: validation', () => {
  const problems = (pattern: string) => {
    const parsed = policyWith([rule(pattern)]).rules[0] as Parameters<NonNullable<typeof patternRule.validate>>[0];
    return patternRule.validate!(parsed, policyWith([]));
  };

  it.each([
    ['(\\w+) \\1', 'backreferences (\\1) are not supported: patterns run in linear time'],
    ['(?P<w>a)\\k<w>', 'backreferences (\\k) are not supported'],
    ['INV(?=-)', 'lookahead/lookbehind are not supported'],
    ['(?<!#)acme', 'lookahead/lookbehind are not supported'],
    ['(?>a+)b', 'atomic groups'],
    ['a++', 'possessive quantifiers (++) are not supported'],
    ['[0-9', 'missing closing ]'],
    ['\\u00e9', '\\x{00E9}'],
    ['[0-9]*', 'empty string'],
    ['\\b', 'empty string'],
    ['(?m)^', 'empty string'],
    ['INV|', 'empty string'],
  ])('rejects %j', (pattern, message) => {
    const [problem, ...rest] = problems(pattern);
    expect(rest).toEqual([]);
    expect(problem!.path).toEqual(['pattern']);
    expect(problem!.message).toContain(message);
  });

  it.each([INVOICE, CODICE_FISCALE, '\\Qa.b', '(?i)\\p{Lu}{3,}', 'x+'])('accepts %j', (pattern) => {
    expect(problems(pattern)).toEqual([]);
  });

  it('leaves a pattern that does not compile without findings rather than breaking the policy', () => {
    expect(found('(a)\\1', 'aa')).toEqual([]);
  });
});

describe('pattern: engines', () => {
  it.each([
    [INVOICE, true],
    [CODICE_FISCALE, true],
    ['(?i)password', true],
    ['\\d{3}[ -]?\\d{4}', true],
    ['[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}', true],
    ['[a-z]+@acme\\.com', false], // unbounded: quadratic in an unanchored backtracking search
    ['.*zzz', false],
    ['(a|aa){1,20}', false], // 2^20 paths
    ['(?i)\\bacme\\b', false], // JS and RE2 fold \b differently
    ['(?i)caffè', false],
    ['\\p{Lu}{3}', false], // not in the translated subset
  ])('%s runs natively: %s', (pattern, native) => {
    expect(nativeEligible(translate(pattern), false)).toBe(native);
  });

  /** The reference: every match re2js finds, the plain way. */
  const reference = (pattern: string, ignoreCase: boolean) => {
    const re = RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
    return (text: string) => {
      const out: { start: number; end: number }[] = [];
      const m = re.matcher(text);
      while (m.find()) if (m.end() > m.start()) out.push({ start: m.start(), end: m.end() });
      return out;
    };
  };
  const patterns = [
    INVOICE, CODICE_FISCALE, 'password', '\\d{3}[ -]?\\d{4}', '(a|ab)(c|bcd){1,2}', 'a{2,3}?b?', '[^a-c]x{1,2}',
    '\\bINV\\b', '^IN|V$', '(?P<n>[IV]{2})-', '[-.a]{2}', '\\x{1F680}\\x41?', 'é|e\\x{301}', '\\s[\\d\\w]{2}\\S',
    // re2js with a literal and candidate positions
    '[a-d]{1,3}INV[0-9]+', '(?:ID|id)-+[0-9]', '(?i)pass\\w*', 'a.*b', '\\bN+V', '(a|b)+-', '(?i)[^a]{2}word',
  ];
  const units = ['a', 'b', 'c', 'd', 'x', 'I', 'N', 'V', '-', '.', ' ', '\n', '1', '2', '3', '4', 'é', 'e\u0301', '🚀', 'A', 'P', 'S', 'W', 'O', 'R', 'D', 'ſ', '\u212a'];
  const text = fc.string({ unit: fc.constantFrom(...units), maxLength: 40 });

  it.each(patterns.flatMap((p) => [[p, false], [p, true]] as const))(
    'both engines find what re2js finds for %j (ignoreCase %s)',
    (pattern, ignoreCase) => {
      const expected = reference(pattern, ignoreCase);
      const native = compileFinder(pattern, ignoreCase);
      const re2 = compileFinder(pattern, ignoreCase, { native: false });
      fc.assert(
        fc.property(text, (t) => {
          expect(native(t)).toEqual(expected(t));
          expect(re2(t)).toEqual(expected(t));
        }),
        { seed: 2026, numRuns: 400 },
      );
    },
  );

  const atom = fc.constantFrom(
    'a', 'b', 'I', 'N', 'V', 'k', 's', 'S', '-', '.', '\\d', '\\w', '\\W', '\\D', '\\s', '\\S', '[a-c]', '[^a]', '[-.a]', '[^\\d]',
    '[\\w-]', '[k-s]', '\\b', '\\B', '^', '$', '\\A', '\\z', 'é', '🚀', '\\x{41}', '\\.', '(?:ab)', '(?P<n>k)', '\\n', '[\\x{E9}-\\x{FF}]',
  );
  const quantifier = fc.constantFrom('', '', '', '?', '??', '{2}', '{1,3}', '{0,2}?', '*', '+', '+?', '{2,}', '*?', '{0}');
  const { pattern: randomPattern } = fc.letrec<{ pattern: string; piece: string }>((tie) => ({
    piece: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.tuple(atom, quantifier).map(([a, q]) => a + q),
      fc.tuple(tie('pattern'), quantifier).map(([p, q]) => `(${p})${q}`),
    ),
    pattern: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.array(tie('piece'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
      fc.tuple(tie('piece'), tie('piece')).map(([x, y]) => `${x}|${y}`),
    ),
  }));

  it.each(patterns.flatMap((p) => [[p, false], [p, true]] as const))(
    'a check finds what re2js finds for %j (ignoreCase %s), the fold gate included',
    (pattern, ignoreCase) => {
      // The engine skips a pattern when the fold saw none of its literal: never when the draft has it.
      const expected = reference(pattern, ignoreCase);
      const engine = compile(policyWith([rule(pattern, ignoreCase)]));
      const pieces = ['INV-', 'INV', 'inv-', 'ＩＮＶ', 'NV', '123456', 'PaSS', 'pass', 'word', 'ID-', 'Ｉ', '\u200b', 'İ', 'ß', '  ', 'ﬁ'];
      const draft = fc.string({ unit: fc.constantFrom(...units, ...pieces), maxLength: 24 });
      fc.assert(
        fc.property(draft, (t) => {
          const found = engine.check({ text: t, platform: 'x', surface: 'post' }).findings.map(({ start, end }) => ({ start, end }));
          expect(found).toEqual(expected(t));
        }),
        { seed: 2026, numRuns: 300 },
      );
    },
  );

  it('both engines find what re2js finds for random patterns', () => {
    let native = 0;
    fc.assert(
      fc.property(randomPattern, fc.boolean(), fc.array(text, { minLength: 5, maxLength: 5 }), (pattern, ignoreCase, texts) => {
        let expected: (t: string) => { start: number; end: number }[];
        try {
          expected = reference(pattern, ignoreCase);
        } catch {
          return; // not RE2 (a repeated repetition, say)
        }
        if (nativeEligible(translate(pattern), ignoreCase)) native++;
        const [ours, re2] = [compileFinder(pattern, ignoreCase), compileFinder(pattern, ignoreCase, { native: false })];
        for (const t of texts) {
          expect(ours(t)).toEqual(expected(t));
          expect(re2(t)).toEqual(expected(t));
        }
      }),
      { seed: 11, numRuns: 2000 },
    );
    expect(native).toBeGreaterThan(100); // the property is about both paths: make sure it exercised the native one
  });
});

describe('pattern: the finding', () => {
  it('has the default message in the policy locale', () => {
    const [finding] = checkWith([rule(INVOICE)], 'INV-123456', { policy: { locale: 'it' } }).findings;
    expect(finding).toMatchObject({ ruleId: 'p', kind: 'pattern', level: 'error', message: '«INV-123456» corrisponde a uno schema non ammesso da questa policy.' });
  });
});
