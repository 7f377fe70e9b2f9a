// Folding buffers, reused from one draft to the next: a FoldedText is valid until the next foldText call.
export interface Buffers {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  matches: Int32Array;
}

export const allocate = (size: number, matches = 256): Buffers =>
  ({ codes: new Uint16Array(size), starts: new Int32Array(size), ends: new Int32Array(size), matches: new Int32Array(matches) });

let pool = allocate(0);

export function pooled(capacity: number): Buffers {
  if (pool.codes.length < capacity) pool = allocate(Math.max(capacity, pool.codes.length * 2, 1024), pool.matches.length);
  return pool;
}

/** Room for `capacity` units, keeping the first `length`; a unit can fold to many ("ﷺ" to 18). */
export function grown(buf: Buffers, capacity: number, length: number, reuse: boolean): Buffers {
  const next = allocate(Math.max(capacity, buf.codes.length * 2), buf.matches.length);
  next.codes.set(buf.codes.subarray(0, length));
  next.starts.set(buf.starts.subarray(0, length));
  next.ends.set(buf.ends.subarray(0, length));
  next.matches.set(buf.matches);
  if (reuse) pool = next;
  return next;
}
