import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng, fillNormal, fillUniform, segmentStream } from '../../../src/model/stress/prng.js';

describe('Rng (xoshiro128** seeded by splitmix32 of a hashed seed)', () => {
  it('same seed → identical stream, bit for bit', () => {
    const a = fillUniform(new Float64Array(1000), 'seed-1');
    const b = fillUniform(new Float64Array(1000), 'seed-1');
    expect(Array.from(a)).toEqual(Array.from(b));
    const c = fillNormal(new Float64Array(1000), 42);
    const d = fillNormal(new Float64Array(1000), 42);
    expect(Array.from(c)).toEqual(Array.from(d));
  });

  it('different seed or stream → different numbers', () => {
    const a = fillUniform(new Float64Array(100), 'seed-1');
    const b = fillUniform(new Float64Array(100), 'seed-2');
    const c = fillUniform(new Float64Array(100), 'seed-1', 'other-stream');
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('uniforms lie in the open interval (0, 1) with mean ≈ 1/2 and variance ≈ 1/12', () => {
    const n = 200_000;
    const u = fillUniform(new Float64Array(n), 7);
    let s = 0, s2 = 0, outside = 0;
    for (const x of u) {
      if (!(x > 0 && x < 1)) outside++;
      s += x;
      s2 += x * x;
    }
    expect(outside).toBe(0);
    const mean = s / n;
    const variance = s2 / n - mean * mean;
    expect(Math.abs(mean - 0.5)).toBeLessThan(3 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.001);
  });

  it('normals have mean 0, variance 1, kurtosis 3 and the right tail mass', () => {
    const n = 400_000;
    const z = fillNormal(new Float64Array(n), 'normal-check');
    let s = 0, s2 = 0, s4 = 0, tail = 0;
    for (const x of z) {
      s += x;
      s2 += x * x;
      s4 += x ** 4;
      if (Math.abs(x) > 3.442619855899) tail++; // beyond the ziggurat radius: exercises the tail path
    }
    expect(Math.abs(s / n)).toBeLessThan(3 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(3 * Math.sqrt(2 / n));
    expect(Math.abs(s4 / n - 3)).toBeLessThan(0.05);
    const pTail = 2 * 0.000288; // 2·(1 − Φ(3.4426))
    expect(Math.abs(tail / n - pTail)).toBeLessThan(4 * Math.sqrt(pTail / n));
  });

  it('chunked fills equal one big fill (so chunk size never changes results)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 97 }), fc.string(), (chunk, seed) => {
        const whole = new Rng(seed).fillNormal(new Float64Array(300), 1, 2);
        const rng = new Rng(seed);
        const parts = new Float64Array(300);
        for (let s = 0; s < 300; s += chunk) rng.fillNormal(parts.subarray(s, Math.min(300, s + chunk)), 1, 2);
        expect(Array.from(parts)).toEqual(Array.from(whole));
        const u1 = new Rng(seed).fillUniform(new Float64Array(300));
        const r2 = new Rng(seed);
        const u2 = new Float64Array(300);
        for (let s = 0; s < 300; s += chunk) r2.fillUniform(u2.subarray(s, Math.min(300, s + chunk)));
        expect(Array.from(u2)).toEqual(Array.from(u1));
      }),
      { numRuns: 50 },
    );
  });

  it('scalar nextNormal follows the same stream as fillNormal', () => {
    const a = new Rng('s').fillNormal(new Float64Array(50));
    const r = new Rng('s');
    const b = Array.from({ length: 50 }, () => r.nextNormal());
    expect(b).toEqual(Array.from(a));
  });

  it('rejects a non-finite numeric seed', () => {
    expect(() => new Rng(Number.NaN)).toThrow(/seed must be finite/);
  });
});

describe('split streams per segment', () => {
  it('segment 0 keeps the input\'s own stream; every other segment has a stream of its own', () => {
    expect(segmentStream('RATE', 0)).toBe('RATE');
    const first = (segment: number) => new Rng('s', segmentStream('RATE', segment)).nextUint32();
    const seen = new Set([0, 1, 2, 3, 100].map(first));
    expect(seen.size).toBe(5);
    expect(first(1)).toBe(first(1));
    expect(new Rng('s', segmentStream('RATE', 1)).nextUint32()).not.toBe(new Rng('s', segmentStream('VOLUME', 1)).nextUint32());
  });
});
