export type PiiKind = 'email' | 'phone' | 'iban' | 'card';
export interface PiiHit {
  kind: PiiKind;
  start: number;
  end: number;
}
export interface Span {
  start: number;
  end: number;
}
