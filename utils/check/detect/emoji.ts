/**
 * Emoji as a reader sees them: one span per grapheme cluster shown as an emoji. "❤️" (with VS16),
 * "👍🏽", "👨‍👩‍👧", "🇮🇹", "1️⃣" and tag flags count once each; text-style symbols do not count:
 * "©", "®", "™", "❤" without VS16, anything followed by VS15, digits and "#". ZWJ sequences are
 * joined whether or not they are recommended (RGI), so a newer family still counts once.
 * Offsets are UTF-16 indices into `text`.
 */
export function findEmoji(text: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    let start = m.index;
    // A keycap is found by its U+20E3: its base ("1", "#", "*") sits before it, maybe with a VS16.
    if (text.charCodeAt(start) === 0x20e3) start -= text.charCodeAt(start - 1) === 0xfe0f ? 2 : 1;
    EMOJI_AT.lastIndex = start;
    if (start >= 0 && EMOJI_AT.test(text)) {
      found.push({ start, end: EMOJI_AT.lastIndex });
      CANDIDATE.lastIndex = EMOJI_AT.lastIndex;
    }
  }
  return found;
}

/**
 * Where an emoji can be: ©, ®, ‼, ⁉, the keycap mark U+20E3 and anything from U+2100 up (high
 * surrogates included, lone low surrogates not). Latin letters, accents and typographic
 * punctuation (’ “ ” … €) are skipped without running the full expression. A plain character
 * class without the `u` flag: this scan is the hot path.
 */
const CANDIDATE = /[\u00a9\u00ae\u203c\u2049\u20e3\u2100-\udbff\ue000-\uffff]/g;

/** One emoji element: presentation by default, or made emoji by VS16 or a skin tone. */
const ELEMENT = String.raw`(?:\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})|\p{Emoji_Presentation}(?!\uFE0E))\uFE0F?`;
const EMOJI_AT = new RegExp(
  String.raw`\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|` +
    ELEMENT +
    String.raw`(?:\p{Emoji_Modifier}|[\u{E0020}-\u{E007E}]+\u{E007F})?` +
    String.raw`(?:\u200D(?:\p{Extended_Pictographic}(?!\uFE0E)\uFE0F?\p{Emoji_Modifier}?))*`,
  'uy',
);
