import type { PolicyIssue } from './issues';

/** Longest list a policy may hold (terms, keywords, pairs, domains…): larger lists are a mistake or an attack. */
export const MAX_LIST_ITEMS = 10_000;
/** All list items of a policy together: keeps compile time and the content script's memory bounded. */
export const MAX_TOTAL_ITEMS = 20_000;

/** Lists over the limits, each located at its path; checked before the schema so a huge list costs nothing. */
export function listSizeIssues(data: unknown): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  let total = 0;
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      total += value.length;
      if (value.length > MAX_LIST_ITEMS) {
        issues.push({ path, message: `has ${value.length.toLocaleString('en')} items; a list holds at most ${MAX_LIST_ITEMS.toLocaleString('en')}` });
        return;
      }
      value.forEach((item, i) => walk(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(data, []);
  if (!issues.length && total > MAX_TOTAL_ITEMS) {
    issues.push({ path: [], message: `the policy's lists hold ${total.toLocaleString('en')} items together; the limit is ${MAX_TOTAL_ITEMS.toLocaleString('en')}` });
  }
  return issues;
}
