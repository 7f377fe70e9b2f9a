// X's character weights (twitter-text 3.1.0's v3 config), shared by X's count (./length.ts) and the fold
// (../text/fold.ts), which adds them up as it reads a draft.
import configs from 'twitter-text/dist/esm/configs';

export const X = configs.defaults;

/** X's weight of every code unit, in X.scale units, from its ranges. */
export const X_WEIGHTS = new Uint16Array(0x10000).fill(X.defaultWeight);
for (const range of X.ranges) X_WEIGHTS.fill(range.weight, range.start, Math.min(range.end, 0xffff) + 1);

/**
 * Whether a code unit can be part of an emoji: ©, ® and what lies from U+2000 on, but for the general
 * punctuation block (curly quotes, dashes, ellipses: prose is full of them), where only ‼, ⁉ and the joiner
 * inside sequences take part in one.
 */
export function mayBeEmoji(c: number): boolean {
  if (c < 0x2000) return c === 0xa9 || c === 0xae;
  return c > 0x206f || c === 0x200d || c === 0x203c || c === 0x2049;
}
