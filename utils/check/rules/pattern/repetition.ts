/** How many times a group that itself repeats may be repeated by a count (`(\d{1,3}\.){3}` is fine). */
export const MAX_NESTED_COUNT = 4;

/**
 * A repetition of a repetition that RE2 runs in linear time but with many live threads per character, so
 * that a long draft costs hundreds of milliseconds: an unbounded repetition of a group holding an
 * unbounded one (`(a+)+`, `(\S+\s*)*`), or a group holding any repetition counted more than
 * MAX_NESTED_COUNT times (`(.*a){12}`, `(a?){30}`). Returns the offending text, or null.
 */
export function nestedRepetition(pattern: string): string | null {
  const groups: { start: number; any: boolean; unbounded: boolean }[] = [];
  const mark = (any: boolean, unbounded: boolean) => {
    const top = groups[groups.length - 1];
    if (top) {
      top.any ||= any;
      top.unbounded ||= unbounded;
    }
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (pattern[i + 1] === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        i = end < 0 ? pattern.length : end + 1;
      } else i++;
    } else if (c === '[') {
      i = classEnd(pattern, i);
    } else if (c === '(') {
      groups.push({ start: i, any: false, unbounded: false });
    } else if (c === ')') {
      const group = groups.pop();
      if (!group) continue;
      const q = quantifierAt(pattern, i + 1);
      if (q && ((group.unbounded && q.max === Infinity) || (group.any && q.counted && q.max > MAX_NESTED_COUNT))) {
        return pattern.slice(group.start, q.end);
      }
      mark(group.any || q !== null, group.unbounded || q?.max === Infinity);
      if (q) i = q.end - 1;
    } else {
      const q = quantifierAt(pattern, i);
      if (q) {
        mark(true, q.max === Infinity);
        i = q.end - 1;
      }
    }
  }
  return null;
}

interface Quantifier {
  max: number;
  /** Written as {n…}. */
  counted: boolean;
  end: number;
}

/** The quantifier at i (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy), or null. */
function quantifierAt(pattern: string, i: number): Quantifier | null {
  const c = pattern[i];
  let q: Quantifier | null = null;
  if (c === '*' || c === '+') q = { max: Infinity, counted: false, end: i + 1 };
  else if (c === '?') q = { max: 1, counted: false, end: i + 1 };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
    if (m) q = { max: m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]), counted: true, end: i + m[0].length };
  }
  if (q && pattern[q.end] === '?') q.end++;
  return q;
}

/** The index of the `]` closing the class that opens at i (`[]a]` and `[^]a]` hold a literal `]`). */
function classEnd(pattern: string, i: number): number {
  let j = i + 1;
  if (pattern[j] === '^') j++;
  if (pattern[j] === ']') j++;
  for (; j < pattern.length; j++) {
    if (pattern[j] === '\\') j++;
    else if (pattern[j] === '[' && pattern[j + 1] === ':') j = Math.max(j, pattern.indexOf(':]', j + 2) + 1);
    else if (pattern[j] === ']') return j;
  }
  return pattern.length;
}
