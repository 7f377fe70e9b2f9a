// Hashtags, @mentions and URLs, found exactly the way twitter-text 3.1.0's extractEntitiesWithIndices finds
// them. Its extractor modules pull core-js 2 polyfills (array, iterator, split) and punycode into the content
// script; we import only its regular expressions (whose own core-js imports are the RegExp ones) and repeat
// its few lines of glue here. Those regexes run on UTF-16 code units, so every index below is a UTF-16
// offset into the text as given.
// tests/unit/check/detect-entities.test.ts checks the result against the full library on random text.
import extractUrl from 'twitter-text/dist/esm/regexp/extractUrl';
import validAsciiDomain from 'twitter-text/dist/esm/regexp/validAsciiDomain';
import validTcoUrl from 'twitter-text/dist/esm/regexp/validTcoUrl';
import validHashtag from 'twitter-text/dist/esm/regexp/validHashtag';
import endHashtagMatch from 'twitter-text/dist/esm/regexp/endHashtagMatch';
import validMentionOrList from 'twitter-text/dist/esm/regexp/validMentionOrList';
import endMentionMatch from 'twitter-text/dist/esm/regexp/endMentionMatch';

export interface Entity {
  type: 'hashtag' | 'mention' | 'url';
  /** UTF-16 offsets into the original text; the span includes '#', '@', the scheme. */
  start: number;
  end: number;
  /** text.slice(start, end) */
  text: string;
  /** hashtag: the tag without '#'; mention: the handle without '@'; url: the hostname, lowercased. */
  value: string;
}

/** A URL as twitter-text reports it: `url` is what it weighs, which can differ from the span [start, end). */
export interface UrlMatch {
  url: string;
  start: number;
  end: number;
}

const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG_LENGTH = 40;
const MAX_DOMAIN_LABEL_LENGTH = 63;
const INVALID_PRECEDING_WITHOUT_PROTOCOL = /[-_./]$/;
// Every hashtag, mention and URL contains one of these; most drafts take this exit.
const MAY_HOLD_ENTITY = /[#@.＃＠]/;

// Private copies of the global regexes, so that their lastIndex is ours alone.
const urlRe = new RegExp(extractUrl.source, extractUrl.flags);
const hashtagRe = new RegExp(validHashtag.source, validHashtag.flags);
const mentionRe = new RegExp(validMentionOrList.source, validMentionOrList.flags);
const asciiDomainRe = new RegExp(validAsciiDomain.source, validAsciiDomain.flags);

export function findEntities(text: string): Entity[] {
  if (!MAY_HOLD_ENTITY.test(text)) return [];
  type Raw = { type: Entity['type']; start: number; end: number; value: string };
  // The order matters for ties in the overlap pass: URLs, then mentions, then hashtags, as twitter-text.
  const raw: Raw[] = [];
  for (const u of findUrls(text)) {
    raw.push({ type: 'url', start: u.start, end: u.end, value: hostnameOf(text.slice(u.start, u.end)) });
  }
  for (const [from, to] of entityWindows(text, MENTION_OR_HASHTAG, anywhere)) {
    const window = text.slice(from, to);
    for (const m of matchesOf(mentionRe, window)) {
      const [match, before = '', , screenName = '', list = ''] = m;
      if (endMentionMatch.test(text.slice(from + m.index + match.length))) continue;
      const start = from + m.index + before.length;
      raw.push({ type: 'mention', start, end: start + 1 + screenName.length + list.length, value: screenName });
    }
    for (const m of matchesOf(hashtagRe, window)) {
      const [match, before = '', , tag = ''] = m;
      if (endHashtagMatch.test(text.slice(from + m.index + match.length))) continue;
      const start = from + m.index + before.length;
      raw.push({ type: 'hashtag', start, end: start + 1 + tag.length, value: tag });
    }
  }
  // twitter-text's removeOverlappingEntities: sort by start (stable), drop whatever starts inside its predecessor.
  raw.sort((a, b) => a.start - b.start);
  const entities: Entity[] = [];
  let prevEnd = -1;
  for (const r of raw) {
    if (r.start < prevEnd) continue;
    prevEnd = r.end;
    // A list ("@acme/team") is found whole, as twitter-text does, but reported as its owner's handle.
    const end = r.type === 'mention' ? r.start + 1 + r.value.length : r.end;
    entities.push({ type: r.type, start: r.start, end, text: text.slice(r.start, end), value: r.value });
  }
  return entities;
}

/**
 * Entities never contain white space (twitter-text's `spaces`), and its regexes look at most at the
 * character before a match. So they run only on the words around a character every such entity has
 * (found with indexOf, which is fast), each word with the character before it: the same matches as
 * over the whole text, at a fraction of the cost on prose.
 */
function entityWindows(text: string, needles: readonly string[], accept: (text: string, at: number) => boolean): [number, number][] {
  const positions: number[] = [];
  for (const needle of needles) {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      if (accept(text, at)) positions.push(at);
    }
  }
  if (needles.length > 1) positions.sort((a, b) => a - b);
  const windows: [number, number][] = [];
  let reach = -1;
  for (const at of positions) {
    if (at < reach) continue;
    let from = at;
    while (from > 0 && !isTwitterSpace(text.charCodeAt(from - 1))) from--;
    let to = at + 1;
    while (to < text.length && !isTwitterSpace(text.charCodeAt(to))) to++;
    windows.push([Math.max(0, from - 1), to]);
    reach = to;
  }
  return windows;
}

function isTwitterSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 || c === 0x180e
    || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

const MENTION_OR_HASHTAG = ['#', '@', '＃', '＠'];
const anywhere = (): boolean => true;

/** A URL's domain has a dot followed by the first character of the next label or of the TLD. */
function mayStartLabel(text: string, dot: number): boolean {
  const next = text.charCodeAt(dot + 1);
  return (next >= 0x61 && next <= 0x7a) || (next >= 0x41 && next <= 0x5a) || next >= 0x80 || (next >= 0x30 && next <= 0x39);
}

// The last text's URLs: a check asks twice for the same draft (its entities, and its length on X).
let lastUrls: { text: string; urls: readonly UrlMatch[] } = { text: '', urls: [] };

/** twitter-text's extractUrlsWithIndices (bare domains included), with UTF-16 indices. Shared: do not change it. */
export function findUrls(text: string): readonly UrlMatch[] {
  if (!text.includes('.')) return [];
  if (lastUrls.text === text) return lastUrls.urls;
  const urls: UrlMatch[] = [];
  for (const [from, to] of entityWindows(text, ['.'], mayStartLabel)) urlsIn(text.slice(from, to), from, urls);
  lastUrls = { text, urls };
  return urls;
}

function urlsIn(text: string, offset: number, urls: UrlMatch[]): void {
  for (const m of matchesOf(urlRe, text)) {
    const before = m[2] ?? '';
    let url = m[3] ?? '';
    const protocol = m[4];
    const domain = m[5] ?? '';
    const path = m[7];
    const startPosition = m.index + m[0].length - url.length;
    let endPosition = startPosition + url.length;
    if (!isValidUrl(url, protocol || 'https://', domain)) continue;
    if (!protocol) {
      if (INVALID_PRECEDING_WITHOUT_PROTOCOL.test(before)) continue;
      // Only ASCII domains count without a scheme; the last one found carries the path.
      let last: UrlMatch | null = null;
      let asciiEnd = 0;
      for (const ascii of domain.match(asciiDomainRe) ?? []) {
        const asciiStart = domain.indexOf(ascii, asciiEnd);
        asciiEnd = asciiStart + ascii.length;
        last = { url: ascii, start: offset + startPosition + asciiStart, end: offset + startPosition + asciiEnd };
        urls.push(last);
      }
      if (last === null) continue;
      if (path) {
        last.url = url.replace(domain, last.url);
        last.end = offset + endPosition;
      }
    } else {
      // t.co links take no path beyond the slug.
      const tco = url.match(validTcoUrl);
      if (tco) {
        if ((tco[1] ?? '').length > MAX_TCO_SLUG_LENGTH) continue;
        url = tco[0];
        endPosition = startPosition + url.length;
      }
      urls.push({ url, start: offset + startPosition, end: offset + endPosition });
    }
  }
}

function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // Twitter's regexes never match empty; this guard only keeps a future one from looping forever.
    if (m[0].length === 0) re.lastIndex++;
    yield m;
  }
}

// twitter-text's isValidUrl with its idna.toAscii: a label longer than 63 characters once punycode-encoded
// (or an ill-formed "xn--" domain) makes the whole match no URL.
function isValidUrl(url: string, protocol: string, domain: string): boolean {
  if (domain.startsWith('xn--') && !ASCII_DOMAIN.test(domain)) return false;
  let encodedLength = domain.length;
  for (const label of domain.split('.')) {
    const encoded = punycodeLabelLength(label);
    if (encoded < 1 || encoded > MAX_DOMAIN_LABEL_LENGTH) return false;
    encodedLength += encoded - label.length;
  }
  return protocol.length + url.length + encodedLength - domain.length <= MAX_URL_LENGTH;
}

const ASCII_DOMAIN = new RegExp(validAsciiDomain.source, 'i');
const NON_ASCII_PRINTABLE = /[^\x20-\x7E]/;
// punycode 1.4.1's toASCII, which twitter-text applies to each label, also splits on the IDNA dots.
const IDNA_DOTS = /[\x2E\u3002\uFF0E\uFF61]/;

/** Length of punycode.toASCII(label), or any number over the label limit once it is certainly over. */
function punycodeLabelLength(label: string): number {
  if (!NON_ASCII_PRINTABLE.test(label)) return label.length;
  const parts = label.split(IDNA_DOTS);
  let length = parts.length - 1;
  for (const part of parts) {
    length += NON_ASCII_PRINTABLE.test(part) ? 4 + punycodeEncodedLength(part, MAX_DOMAIN_LABEL_LENGTH) : part.length;
    if (length > MAX_DOMAIN_LABEL_LENGTH) break;
  }
  return length;
}

// Length of punycode.js encode(input) (RFC 3492, no "xn--"), step for step, stopping once past `limit`.
// Stopping early also spares the RangeError punycode throws on very long labels (twitter-text would throw).
function punycodeEncodedLength(input: string, limit: number): number {
  const codePoints = Array.from(input, (c) => c.codePointAt(0)!);
  let n = 128;
  let delta = 0;
  let bias = 72;
  const basicLength = codePoints.filter((c) => c < 0x80).length;
  let length = basicLength + (basicLength > 0 ? 1 : 0);
  let handled = basicLength;
  while (handled < codePoints.length && length <= limit) {
    let m = Infinity;
    for (const c of codePoints) if (c >= n && c < m) m = c;
    const handledPlusOne = handled + 1;
    delta += (m - n) * handledPlusOne;
    n = m;
    for (const c of codePoints) {
      if (c < n) delta++;
      if (c !== n) continue;
      // Count the digits of one variable-length integer for delta.
      let q = delta;
      for (let k = 36; ; k += 36) {
        const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
        if (q < t) break;
        length++;
        q = Math.floor((q - t) / (36 - t));
      }
      length++;
      bias = adapt(delta, handledPlusOne, handled === basicLength);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return length;
}

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let k = 0;
  delta = firstTime ? Math.floor(delta / 700) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  for (; delta > 455; k += 36) delta = Math.floor(delta / 35);
  return Math.floor(k + (36 * delta) / (delta + 38));
}

/** The host of a URL as matched: no scheme, port, path, query or fragment; lowercased. */
function hostnameOf(url: string): string {
  const host = url.replace(/^https?:\/\//i, '');
  const end = host.search(/[/?#:]/);
  return (end < 0 ? host : host.slice(0, end)).toLowerCase();
}
