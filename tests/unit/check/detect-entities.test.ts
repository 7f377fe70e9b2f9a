import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import twttr from 'twitter-text';
import punycode from 'punycode/punycode.js';
import { findEntities, type Entity } from '../../../utils/check/detect/entities';

type Expected = [type: Entity['type'], start: number, end: number, value: string];

const found = (text: string): Expected[] => findEntities(text).map((e) => [e.type, e.start, e.end, e.value]);

describe('findEntities finds', () => {
  it.each<[string, string, Expected[]]>([
    ['an Italian hashtag with an accent', 'Offerta #pubblicità oggi', [['hashtag', 8, 19, 'pubblicità']]],
    ['hashtags side by side with accents', '#perché #caffè', [['hashtag', 0, 7, 'perché'], ['hashtag', 8, 14, 'caffè']]],
    ['a hashtag in parentheses and a mention in brackets', '(#ciao) [@mario]', [['hashtag', 1, 6, 'ciao'], ['mention', 9, 15, 'mario']]],
    ['a mention before punctuation', 'Grazie @Mario_Rossi!', [['mention', 7, 19, 'Mario_Rossi']]],
    ['a mention after RT', 'RT @mario: ok', [['mention', 3, 9, 'mario']]],
    ['a list, as its owner handle', '@globex/team ciao', [['mention', 0, 7, 'globex']]],
    ['full-width signs', '＃ciao ＠mario', [['hashtag', 0, 5, 'ciao'], ['mention', 6, 12, 'mario']]],
    ['a URL with scheme, query and mixed case', 'Leggi https://www.Acme.it/blog?x=1', [['url', 6, 34, 'www.acme.it']]],
    ['a URL with an upper-case scheme and a port', 'HTTP://Example.COM:8080/x', [['url', 0, 25, 'example.com']]],
    ['a bare domain with a path', 'vai su bit.ly/x', [['url', 7, 15, 'bit.ly']]],
    ['a bare domain before a full stop', 'vai su acme.it.', [['url', 7, 14, 'acme.it']]],
    ['a bare www domain', 'www.acme.it', [['url', 0, 11, 'www.acme.it']]],
    ['a subdomain under a two-level ccTLD', 'news.bbc.co.uk/x', [['url', 0, 16, 'news.bbc.co.uk']]],
    ['a bare t.co link', 't.co/abc', [['url', 0, 8, 't.co']]],
    ['a bare domain with an accented letter', 'café.com', [['url', 0, 8, 'café.com']]],
    ['a URL with an internationalised host', 'https://Café.fr/menu', [['url', 0, 20, 'café.fr']]],
    ['all three after an astral emoji', '😀 #ciao @mario bit.ly/x', [['hashtag', 3, 8, 'ciao'], ['mention', 9, 15, 'mario'], ['url', 16, 24, 'bit.ly']]],
    ['a hashtag after an emoji with a variation selector', '❤️ #pubblicità', [['hashtag', 3, 14, 'pubblicità']]],
    ['a mention after an emoji with a skin tone', '👍🏽 @mario', [['mention', 5, 11, 'mario']]],
    ['a hashtag after a ZWJ family', '👨‍👩‍👧 #famiglia', [['hashtag', 9, 18, 'famiglia']]],
    ['a mention after astral letters', '𝐁𝐨𝐥𝐝 @mario', [['mention', 9, 15, 'mario']]],
    ['a hashtag made of an astral ideograph', '#𠀀 ok', [['hashtag', 0, 3, '𠀀']]],
    ['a hashtag after a keycap, not the keycap', '#️⃣ #ok', [['hashtag', 4, 7, 'ok']]],
    ['entities on CRLF lines', 'Riga uno\r\n#ciao\r\n@mario\r\nbit.ly/x', [['hashtag', 10, 15, 'ciao'], ['mention', 17, 23, 'mario'], ['url', 25, 33, 'bit.ly']]],
    ['a URL that swallows the @ in its path', 'http://example.com/@user ok', [['url', 0, 24, 'example.com']]],
  ])('%s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected);
    for (const e of findEntities(text)) expect(e.text).toBe(text.slice(e.start, e.end));
  });
});

describe('findEntities does not find', () => {
  it.each<[string, string]>([
    ['an e-mail address', 'scrivi a mario.rossi@acme.it'],
    ['an e-mail address at a shortener domain', 'info@bit.ly/x'],
    ['an e-mail address whose user part looks like a domain', 'anna.it@acme.com'],
    ['an e-mail address before a full stop', 'email: foo.bar@baz.com.'],
    ['an @ inside a word', 'x@y'],
    ['a hashtag of digits only', '#123'],
    ['a hash inside a word', 'C#sharp a#b'],
    ['hashtags glued together', '#ad#adv'],
    ['a keycap emoji', '#️⃣'],
    ['dotted words whose ending is no TLD', 'file.txt v1.2.3 ciao.come'],
    // twitter-text knows IANA's TLDs only: reserved ones such as .example are not URLs to it, nor to us.
    ['a domain under a reserved TLD', 'https://acme.example/x'],
    ['a scheme without a host', 'http://'],
    ['plain text (fast path)', 'nessuna entità qui, grazie'],
    ['an empty draft', ''],
  ])('%s', (_label, text) => {
    expect(findEntities(text)).toEqual([]);
  });
});

describe('offsets', () => {
  it('are UTF-16 indices, where twitter-text code-point indices would differ', () => {
    const text = '😀 #ciao';
    const [tag] = findEntities(text);
    expect(tag).toMatchObject({ start: 3, end: 8, text: '#ciao' });
    // twitter-text's extractors already give UTF-16 indices; its converter to code points gives 2..7.
    const lib = twttr.extractEntitiesWithIndices(text);
    expect(lib[0]!.indices).toEqual([3, 8]);
    twttr.modifyIndicesFromUTF16ToUnicode(text, lib);
    expect(lib[0]!.indices).toEqual([2, 7]);
  });
});

// Fragments dense in entity syntax, so that random drafts exercise every branch of the extractors.
const FRAGMENTS = [
  '#', '@', '.', '/', ':', '-', '_', '$', '＃', '＠', ' ', ' ', '\n', '\r\n', 'a', 'Z', '0', 'é', 'ò', 'ß',
  'com', 'it', 'co', 'ly', 'bit', 'www', 'xn--p1ai', 'https://', 'http://', 'HTTPS://', 't.co/', '?q=1', '#frag',
  'RT', 'pubblicità', 'mario', '😀', '❤️', '👨‍👩‍👧', '𝐁', '\u200d', '\ufe0f', '\u20e3', 'é', '日本', '(', ')', '!',
];
const PIECES = [
  '#ciao', '#pubblicità', '@mario', '@globex/team', 'bit.ly/x', 'acme.it', 'www.acme.it/p?q=1', 'https://café.fr/x',
  'mario.rossi@acme.it', 'anna.it@acme.com', 'http://t.co/abc?x=1', 'example.com?x=1', '$AAPL', 'a.b.example.com',
];
const draft = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...PIECES)), { maxLength: 24 })
  .map((parts) => parts.join(''));

function libEntities(text: string): Expected[] {
  const out: Expected[] = [];
  for (const e of twttr.extractEntitiesWithIndices(text)) {
    const [start, end] = e.indices;
    if (e.hashtag !== undefined) out.push(['hashtag', start, end, e.hashtag]);
    else if (e.screenName !== undefined) out.push(['mention', start, start + 1 + e.screenName.length, e.screenName]);
    else if (e.url !== undefined) out.push(['url', start, end, '']);
  }
  return out;
}

describe('findEntities against twitter-text', () => {
  it.each([
    ['entity-dense drafts', draft],
    ['arbitrary graphemes', fc.string({ unit: 'grapheme', maxLength: 40 })],
  ])('finds what extractEntitiesWithIndices finds, at the same UTF-16 offsets (%s)', (_label, texts) => {
    fc.assert(
      fc.property(texts, (text) => {
        const ours = found(text).map(([type, start, end, value]): Expected => [type, start, end, type === 'url' ? '' : value]);
        expect(ours).toEqual(libEntities(text));
        for (const e of findEntities(text)) {
          expect(e.text).toBe(text.slice(e.start, e.end));
          if (e.type === 'url') expect(text.slice(e.start, e.end).toLowerCase()).toContain(e.value);
        }
      }),
      { seed: 20240611, numRuns: 3000 },
    );
  });
});

describe('long domain labels, as twitter-text judges them once punycode-encoded (63 characters at most)', () => {
  const label = fc
    .array(fc.constantFrom('a', 'z', '0', '-', 'é', 'ß', 'ü', '日', '本', '😀', '\u3002', '\uff0e'), { minLength: 15, maxLength: 70 })
    .map((chars) => chars.join(''));
  it.each([
    ['with a scheme', (l: string) => `vedi https://${l}.com/x ok`],
    ['as a bare domain', (l: string) => `vedi ${l}.com/x ok`],
  ])('agree with extractEntitiesWithIndices (%s)', (_label, draftOf) => {
    fc.assert(
      fc.property(label, (l) => {
        const text = draftOf(l);
        const ours = found(text).map(([type, start, end]) => [type, start, end]);
        expect(ours).toEqual(libEntities(text).map(([type, start, end]) => [type, start, end]));
      }),
      { seed: 7, numRuns: 3000 },
    );
  });

  it('agree at the limit itself, for labels encoded to exactly 63 and 64 characters', () => {
    let boundaries = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '-', 'é', 'è', 'ß', '日', '本', '😀'), { minLength: 80, maxLength: 80 }), (chars) => {
        // The longest prefix within the limit and the next one, measured by punycode itself.
        let n = 1;
        while (n < chars.length && punycode.toASCII(chars.slice(0, n + 1).join('')).length <= 63) n++;
        const [fits, over] = [n, n + 1].map((k) => `https://${chars.slice(0, k).join('')}.com`) as [string, string];
        for (const text of [fits, over]) expect(found(text).length).toBe(twttr.extractEntitiesWithIndices(text).length);
        if (findEntities(fits).length === 1 && findEntities(over).length === 0) boundaries++;
      }),
      { seed: 11, numRuns: 500 },
    );
    expect(boundaries).toBeGreaterThan(100);
  });

  it.each<[string, string, boolean]>([
    ['63 ASCII letters', `https://${'a'.repeat(63)}.com`, true],
    ['64 ASCII letters', `https://${'a'.repeat(64)}.com`, false],
    ['accented letters that fit once encoded', `https://${'caffè'.repeat(10)}.com`, true],
    ['accented letters that do not', `https://${'caffè'.repeat(13)}.com`, false],
  ])('%s', (_label, text, isUrl) => {
    expect(findEntities(text).length).toBe(isUrl ? 1 : 0);
    expect(twttr.extractEntitiesWithIndices(text).length).toBe(isUrl ? 1 : 0);
  });
});
