import type { Finding } from '../check/types';

/** 1-based line and column (in code points, as an editor shows them) of a UTF-16 offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = [...text.slice(lineStart, offset)].length + 1;
  return { line, column };
}

export function formatFindingLine(file: string, text: string, finding: Finding): string {
  const { line, column } = lineAndColumn(text, finding.start);
  return `${file}:${line}:${column} ${finding.level} ${finding.ruleId} ${finding.message}`;
}
