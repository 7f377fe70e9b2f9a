import { RE2JS, RE2JSSyntaxException } from 're2js';
import { nestedRepetition } from './repetition';

const LINEAR = 'patterns run in linear time';

/** What is wrong with a pattern, in words a policy author can act on; null when nothing is. */
export function patternProblem(pattern: string, ignoreCase: boolean): string | null {
  const flags = ignoreCase ? RE2JS.CASE_INSENSITIVE : 0;
  try {
    RE2JS.compile(pattern, flags);
  } catch (e) {
    return describeSyntaxError(e);
  }
  const nested = nestedRepetition(pattern);
  if (nested) {
    return `\`${nested}\` repeats a repetition, which makes matching slow on long drafts: write the repetition once (\`(a+)+\` is \`a+\`, \`(\\w+\\.)+\` is \`[\\w.]+\`), or count it at most 4 times`;
  }
  if (matchesEmpty(pattern, flags)) {
    return 'the pattern can match an empty string (as `x*`, `x?` or a lone `\\b` do), so it would flag nothing useful: require at least one character (`x+`)';
  }
  return null;
}

function describeSyntaxError(e: unknown): string {
  if (!(e instanceof RE2JSSyntaxException)) return `not a valid pattern: ${e instanceof Error ? e.message : String(e)}`;
  const input = e.input ?? '';
  const head = input.slice(0, 4);
  if (/^\\[1-9]/.test(input) || /^\\[kg]/.test(input)) {
    return `backreferences (${input.slice(0, 2)}) are not supported: ${LINEAR}`;
  }
  if (/^\(\?(?:[=!]|<[=!])/.test(input)) {
    const construct = head.startsWith('(?<') ? head : head.slice(0, 3);
    return `lookahead/lookbehind are not supported (\`${construct}…)\`): ${LINEAR}; match the text itself instead`;
  }
  if (input.startsWith('(?>')) return `atomic groups ((?>…)) are not supported: ${LINEAR}, so they are not needed`;
  if (/^[*+?}]\+$/.test(input.slice(-2)) && e.error.includes('nested repetition')) {
    return `possessive quantifiers (${input}) are not supported: ${LINEAR}, so write ${input.slice(0, -1)} instead`;
  }
  if (input.startsWith('\\u')) return 'write a code point as \\x{00E9}, not \\u00E9';
  if (input.startsWith('\\Z')) return 'write \\z for the end of the text (\\Z is not supported)';
  return `not a valid pattern: ${e.error}${input ? `: \`${input}\`` : ''}`;
}

const CONTEXTS = ['', 'a', ' ', '\n'];

/**
 * Whether the pattern can match an empty string anywhere: it is tried between every kind of neighbour
 * (nothing, a word character, a space, a line break), so that \b, ^, $ and (?m) see each context.
 */
function matchesEmpty(pattern: string, flags: number): boolean {
  let inner = `(?:${pattern})`;
  try {
    RE2JS.compile(inner, flags);
  } catch {
    inner = `(?:${pattern}\\E)`; // the pattern ends inside \Q…
    try {
      RE2JS.compile(inner, flags);
    } catch {
      return false;
    }
  }
  for (const before of CONTEXTS) {
    for (const after of CONTEXTS) {
      if (RE2JS.compile(RE2JS.quote(before) + inner + RE2JS.quote(after), flags).matches(before + after)) return true;
    }
  }
  return false;
}
