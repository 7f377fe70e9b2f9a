// Trust figures: each trust test records what it tried and what came of it; `npm run report:trust`
// prints them as one table. Recording is on only when PORTAVOCE_TRUST_DIR is set (the report sets it).
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface TrustFigure {
  /** The area of the list: "Hostile input", "Hostile pages", "Faults and upgrades", "Store". */
  area: string;
  /** What was tried, in a few words. */
  check: string;
  tried: number;
  /** Inputs refused as they should be (for rejection checks); omitted where nothing is to be refused. */
  rejected?: number;
  crashes: number;
  bypasses: number;
  lost: number;
  /** A measured figure worth printing (e.g. "p99 1.2 ms"). */
  note?: string;
}

export function recordTrust(figure: TrustFigure): void {
  const dir = process.env.PORTAVOCE_TRUST_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, 'figures.jsonl'), `${JSON.stringify(figure)}\n`);
}
