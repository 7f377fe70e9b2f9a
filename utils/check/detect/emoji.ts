/**
 * Emoji as a reader sees them: one span per grapheme cluster shown as an emoji. "❤️" (with VS16),
 * "👍🏽", "👨‍👩‍👧", "🇮🇹", "1️⃣" and tag flags count once each; text-style symbols do not count:
 * "©", "®", "™", "❤" without VS16, anything followed by VS15, digits and "#". ZWJ sequences are
 * joined whether or not they are recommended (RGI), so a newer family still counts once.
 * Offsets are UTF-16 indices into `text`.
 */
export function findEmoji(text: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let end = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    let start = m.index;
    // A keycap is found by its U+20E3: its base ("1", "#", "*") sits before it, maybe with a VS16.
    if (text.charCodeAt(start) === 0x20e3) start -= text.charCodeAt(start - 1) === 0xfe0f ? 2 : 1;
    if (start < end) continue;
    EMOJI_AT.lastIndex = start;
    if (EMOJI_AT.test(text)) {
      end = CANDIDATE.lastIndex = EMOJI_AT.lastIndex;
      found.push({ start, end });
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

/** What joins the character before it in a grapheme cluster: marks, VS15/VS16, tags, skin tones. */
const EXTEND = String.raw`[\p{Grapheme_Extend}\p{Emoji_Modifier}]`;
/**
 * What makes a cluster an emoji: a pictograph with VS16 or a skin tone after it, one that starts a
 * ZWJ sequence ("☝‍👩" is one cluster), or one shown as emoji by default unless VS15 follows it.
 * A skin tone is an emoji only where it starts a cluster; elsewhere it joins what precedes it.
 */
const HEAD = [
  String.raw`\p{Extended_Pictographic}(?=\uFE0F|\p{Emoji_Modifier}|${EXTEND}*\u200D\p{Extended_Pictographic})`,
  String.raw`(?![\p{Emoji_Modifier}\p{Regional_Indicator}])\p{Emoji_Presentation}(?!\uFE0E)`,
].join('|');
/** An emoji and everything its grapheme cluster absorbs after it (VS16, skin tone, tags, ZWJ). */
const EMOJI_AT = new RegExp(
  String.raw`(?:\p{Regional_Indicator}{1,2}|[#*0-9]\uFE0F?\u20E3|(?<![^\p{Cc}])\p{Emoji_Modifier}|` +
    String.raw`(?:${HEAD})(?:${EXTEND}*\u200D\p{Extended_Pictographic})*)` +
    String.raw`[\p{Grapheme_Extend}\p{Emoji_Modifier}\u200D]*`,
  'uy',
);
