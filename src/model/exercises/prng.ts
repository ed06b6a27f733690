/**
 * The exercises' own seeded PRNG: xmur3 string hash → sfc32 (Chris Doty-Humphrey's Small Fast
 * Counter). Pure 32-bit integer arithmetic, so the same seed gives the same numbers on every JS
 * engine. One stream per (seed, student, figure), so adding a task never changes another figure.
 */

/** xmur3: a string → a generator of well-mixed 32-bit seeds. */
export function xmur3(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

/** sfc32: returns uniform floats in [0, 1). */
export function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A stream for the given key parts (joined with NUL, so ("ab","c") ≠ ("a","bc")); warmed up 12 steps. */
export function streamFor(...parts: readonly string[]): () => number {
  const seed = xmur3(parts.join('\u0000'));
  const next = sfc32(seed(), seed(), seed(), seed());
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** FNV-1a 32-bit of a string, as 8 hex digits. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
