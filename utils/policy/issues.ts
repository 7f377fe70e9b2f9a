/** One located problem in a policy: where it is and what is wrong, in words a policy author reads. */
export interface PolicyIssue {
  /** Path into the policy, printed like `rules[3].level`; empty for the whole file. */
  path: (string | number)[];
  message: string;
  /** 1-based, when the policy came from text. */
  line?: number;
  column?: number;
}

export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** The only error policy loading ever throws. */
export class PolicyError extends Error {
  readonly issues: PolicyIssue[];
  readonly source: string | undefined;

  constructor(issues: PolicyIssue[], source?: string) {
    super(issues.map((issue) => formatIssue(issue, source)).join('\n'));
    this.name = 'PolicyError';
    this.issues = issues;
    this.source = source;
  }
}

export function formatIssue(issue: PolicyIssue, source?: string): string {
  const where = [source, issue.line, issue.line !== undefined ? issue.column : undefined]
    .filter((part) => part !== undefined && part !== '')
    .join(':');
  const path = formatPath(issue.path);
  return [where, path, issue.message].filter(Boolean).join(': ');
}
