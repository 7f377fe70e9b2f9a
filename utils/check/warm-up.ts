// What a page runs once a policy is compiled, one piece per slice (compileInSlices), so that the member's
// first keystrokes do not pay the engine's first runs all in one task. The first run of a regular expression
// compiles it, and V8 compiles it again to machine code on a later run, for text held one byte per character
// and for text of two (any emoji or curly quote) apart: twitter-text's URL expression and its list of
// top-level domains take about 20 ms each here, and the first check of a draft had grown to a task of over
// 50 ms. The pieces below run the large expressions one at a time, on both kinds of text, twice, and then
// whole checks on both platforms. Nothing they leave behind changes a later check's result.
import type { CompiledPolicy } from './engine';
import { findEntities, findUrls } from './detect/entities';
import { findEmoji } from './detect/emoji';
import { xWeightedLength } from './detect/length';
import { findPii } from './detect/pii';
import type { Platform } from './types';

// "example" is no top-level domain: the URL expression runs without the one that checks domains.
const NO_TOP_LEVEL_DOMAIN = 'Visit acme.example/launch';
const URLS = 'Visit acme.com/launch or https://t.co/a1';
const SAMPLE = `${URLS} today!! Thanks @globex #Launch, CALL US NOW at 333 123 4567 or ada@acme.com`;
const ALL_PII = new Set(['email', 'phone', 'iban', 'card'] as const);
const PLATFORMS: Platform[] = ['x', 'linkedin'];

/** The text as it is, and in a string of two bytes a character with a curly apostrophe after every word
 * (the expressions run on words cut from the draft, which keep its kind). */
const bothKinds = (text: string): string[] => [text, `${text.replaceAll(' ', '’ ')} 😀👍🏽`];
const SAMPLES = bothKinds(SAMPLE);
const NO_TOP_LEVEL_DOMAINS = bothKinds(NO_TOP_LEVEL_DOMAIN);

/** The warm-up, a piece per step. `round` makes each text new, so no detector answers from its last result. */
export function* warmUpSteps(compiled: CompiledPolicy): Generator<void, void> {
  for (const round of [1, 2]) {
    for (const [i, sample] of SAMPLES.entries()) {
      findUrls(`${NO_TOP_LEVEL_DOMAINS[i]} ${round}`);
      yield;
      findUrls(`${sample} ${round}`);
      yield;
      findEntities(`${sample} ${round}`);
      yield;
      findPii(`${sample} ${round}`, ALL_PII, []);
      yield;
    }
    const wide = `${SAMPLES[1]} ${round}`;
    xWeightedLength(wide);
    yield;
    findEmoji(wide);
    yield;
  }
  for (const round of [1, 2]) {
    for (const platform of PLATFORMS) {
      for (const text of SAMPLES) {
        compiled.check({ text: `${text} ${round}`, platform, surface: 'post' });
        yield;
      }
    }
  }
}
