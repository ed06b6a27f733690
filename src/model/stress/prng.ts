/**
 * Seeded, reproducible PRNG: xoshiro128** (Blackman & Vigna), state seeded by splitmix32 from a
 * 64-bit hash of the seed (strings and numbers; a number is hashed through its decimal string, so
 * `1` and `'1'` give the same stream). Independent streams are derived from (seed, streamKey):
 * the Monte Carlo engine uses one stream per input id, so adding an input does not change the
 * samples of the others. Long runs are cut into fixed segments ({@link segmentStream}), each with
 * its own split stream per input, so any set of workers can draw any segment and get the same
 * numbers. State lives in an Int32Array (no boxed numbers); fill loops keep it in locals. Normals come from a ziggurat (one normal per two PRNG steps, no carried state, so
 * chunked fills equal one big fill). Same seed and calls → identical numbers bit for bit on every engine.
 */

const TWO_POW_M32 = 2.3283064365386963e-10; // 2^-32
const TWO_POW_M31 = 4.656612873077393e-10; // 2^-31
const TWO_POW_M53 = 1.1102230246251565e-16; // 2^-53

/** 64-bit string hash (cyrb53 variant) returned as two 32-bit halves. */
function hash64(text: string): [number, number] {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 | 0, h2 | 0];
}

export type Seed = string | number;

export class Rng {
  /** xoshiro128** state s0..s3 (int32). */
  readonly state = new Int32Array(4);

  constructor(seed: Seed, stream = '') {
    if (typeof seed === 'number' && !Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
    const [a, b] = hash64(`${String(seed)}\u0000${stream}`);
    // splitmix32 over the two halves
    let x = a ^ Math.imul(b, 0x9e3779b9);
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) | 0;
      let z = x ^ (i === 1 || i === 3 ? b : 0);
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.state[i] = z ^ (z >>> 16);
    }
    if ((this.state[0]! | this.state[1]! | this.state[2]! | this.state[3]!) === 0) this.state[0] = 1;
  }

  /** Next 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const s = this.state;
    const s0 = s[0]!, s1 = s[1]!, s2 = s[2]!, s3 = s[3]!;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    s[1] = s1 ^ n2;
    s[0] = s0 ^ n3;
    s[2] = n2 ^ t;
    s[3] = rotl(n3, 11);
    return r >>> 0;
  }

  /** Uniform in the open interval (0, 1) with 53-bit resolution. */
  nextFloat(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b + 0.5) * TWO_POW_M53;
  }

  /** One standard normal (ziggurat, see {@link fillNormal}). */
  nextNormal(): number {
    const hz = this.nextUint32() | 0;
    const iz = this.nextUint32() & 127;
    const u = hz * TWO_POW_M31;
    if (Math.abs(u) < ZIG_R[iz]!) return u * ZIG_X[iz]!;
    return this.normalSlow(u, iz);
  }

  /** @internal The slow path for the draw in SLOW_DRAW (u, strip), its normal written back to SLOW_DRAW[0]. */
  slowDraw(): void {
    SLOW_DRAW[0] = this.normalSlow(SLOW_DRAW[0]!, SLOW_DRAW[1]!);
  }

  /** @internal Ziggurat slow path: wedge or tail test for the strip `iz` and signed uniform `u`; loops until accepted. */
  normalSlow(u: number, iz: number): number {
    for (;;) {
      if (iz === 0) {
        // tail beyond R (Marsaglia 1964)
        let x: number, y: number;
        do {
          x = Math.log(this.nextFloat()) / ZIG_RADIUS;
          y = Math.log(this.nextFloat());
        } while (-2 * y < x * x);
        return u < 0 ? x - ZIG_RADIUS : ZIG_RADIUS - x;
      }
      const x = u * ZIG_X[iz]!;
      const x2 = x * x;
      const f0 = Math.exp(-0.5 * (ZIG_X[iz]! * ZIG_X[iz]! - x2));
      const f1 = Math.exp(-0.5 * (ZIG_X[iz + 1]! * ZIG_X[iz + 1]! - x2));
      if (f1 + this.nextFloat() * (f0 - f1) < 1) return x;
      const hz = this.nextUint32() | 0;
      iz = this.nextUint32() & 127;
      u = hz * TWO_POW_M31;
      if (Math.abs(u) < ZIG_R[iz]!) return u * ZIG_X[iz]!;
    }
  }

  /** Fills `out` with uniforms in (0, 1), 53-bit resolution; `lo + (hi - lo) * u` when a range is given. */
  fillUniform(out: Float64Array, lo = 0, hi = 1): Float64Array {
    const st = this.state;
    let s0 = st[0]!, s1 = st[1]!, s2 = st[2]!, s3 = st[3]!;
    const w = hi - lo;
    const n = out.length;
    for (let k = 0; k < n; k++) {
      // two xoshiro128** steps, inlined
      const ra = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
      let t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
      const rb = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
      t = s1 << 9;
      s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
      const u = ((ra >>> 5) * 67108864 + (rb >>> 6) + 0.5) * TWO_POW_M53;
      out[k] = lo + w * u;
    }
    st[0] = s0; st[1] = s1; st[2] = s2; st[3] = s3;
    return out;
  }

  /**
   * Fills `out` with normal(mean, sd) draws: Marsaglia–Tsang ziggurat with 128 strips in Doornik's
   * (2005) double-precision form (ZIGNOR), with independent draws for the value (32-bit signed
   * uniform) and the strip index (7 bits of the next output), avoiding the original's correlation
   * between the two. ~99% of draws take the rectangle fast path (two PRNG steps, one multiply).
   */
  fillNormal(out: Float64Array, mean = 0, sd = 1): Float64Array {
    zigguratFill(this, this.state, out, mean, sd);
    return out;
  }
}

/**
 * The ziggurat fill: runs of the rectangle fast path, each stopped by a draw that needs the slow
 * path, which is taken out here. The fast loop holds no call: a call in it (even one almost never
 * made) keeps V8 from holding the generator's state in registers, and costs a third of the speed.
 */
function zigguratFill(rng: Rng, st: Int32Array, out: Float64Array, mean: number, sd: number): void {
  const n = out.length;
  let k = 0;
  SLOW_DRAW[2] = mean;
  SLOW_DRAW[3] = sd;
  for (;;) {
    k = zigguratRun(st, out, k);
    if (k >= n) return;
    rng.slowDraw();
    out[k] = mean + sd * SLOW_DRAW[0]!;
    k++;
  }
}

/**
 * The (u, strip) of the draw that stopped a fast run, and the (mean, sd) of the fill: numbers cross
 * the calls of the fill in this array, since V8 boxes a number passed to (or returned from) a call
 * it does not inline, a heap number each time.
 */
const SLOW_DRAW = new Float64Array(4);

/** Fills out[from..) on the fast path; returns the index of the first draw that needs the slow path (its u and strip in SLOW_DRAW), or out.length. */
function zigguratRun(st: Int32Array, out: Float64Array, from: number): number {
  const n = out.length;
  const mean = SLOW_DRAW[2]!, sd = SLOW_DRAW[3]!;
  const R = ZIG_R, X = ZIG_X;
  let s0 = st[0]!, s1 = st[1]!, s2 = st[2]!, s3 = st[3]!;
  let k = from;
  for (; k < n; k++) {
    const ra = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    let t = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
    const rb = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    t = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
    const iz = rb & 127;
    const u = ra * TWO_POW_M31; // ra is int32 → u in [-1, 1)
    if (!(Math.abs(u) < R[iz]!)) {
      SLOW_DRAW[0] = u;
      SLOW_DRAW[1] = iz;
      break;
    }
    out[k] = mean + sd * (u * X[iz]!);
  }
  st[0] = s0; st[1] = s1; st[2] = s2; st[3] = s3;
  return k;
}

// Ziggurat tables (Doornik 2005, ZIGNOR): 128 strips of equal area V, rightmost edge R.
const ZIG_C = 128;
const ZIG_RADIUS = 3.442619855899;
const ZIG_AREA = 9.91256303526217e-3;
/** Strip edges x[0..128]: x[0] = V/f(R) (base strip incl. tail), x[1] = R, …, x[128] = 0. */
const ZIG_X = new Float64Array(ZIG_C + 1);
/** Ratios x[i+1]/x[i]: |u| below it lies inside the strip's rectangle. */
const ZIG_R = new Float64Array(ZIG_C);
{
  let f = Math.exp(-0.5 * ZIG_RADIUS * ZIG_RADIUS);
  ZIG_X[0] = ZIG_AREA / f;
  ZIG_X[1] = ZIG_RADIUS;
  ZIG_X[ZIG_C] = 0;
  for (let i = 2; i < ZIG_C; i++) {
    ZIG_X[i] = Math.sqrt(-2 * Math.log(ZIG_AREA / ZIG_X[i - 1]! + f));
    f = Math.exp(-0.5 * ZIG_X[i]! * ZIG_X[i]!);
  }
  for (let i = 0; i < ZIG_C; i++) ZIG_R[i] = ZIG_X[i + 1]! / ZIG_X[i]!;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Stream key of one segment of an input's samples (split streams: every (seed, input, segment)
 * hashes to its own xoshiro state). Segment 0 keeps the input's own key, so a run that fits in one
 * segment draws what it always drew. Jump-ahead cannot serve here: a ziggurat normal consumes a
 * variable number of generator steps, so the state at sample k is unknown without drawing k samples.
 */
export function segmentStream(inputId: string, segment: number): string {
  return segment === 0 ? inputId : `${inputId}\u0000segment ${segment}`;
}

/** Convenience: a fresh stream filled into `out` with uniforms in (0, 1). */
export function fillUniform(out: Float64Array, seed: Seed, stream = ''): Float64Array {
  return new Rng(seed, stream).fillUniform(out);
}

/** Convenience: a fresh stream filled into `out` with normal(mean, sd) draws. */
export function fillNormal(out: Float64Array, seed: Seed, mean = 0, sd = 1, stream = ''): Float64Array {
  return new Rng(seed, stream).fillNormal(out, mean, sd);
}

export const _internal = { hash64, TWO_POW_M32 };
