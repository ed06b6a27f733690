/**
 * The engine check of webpack.engine.js, which fails the build (EngineCheckPlugin) when a shipped bundle
 * is above the engine level every supported host parses. The production build itself is checked in
 * dist-licences.test.ts (one build for both).
 */
import { describe, expect, it } from 'vitest';
import { BUNDLE_ECMA_VERSION, engineProblems } from '../../webpack.engine.js';

describe('engine check of the shipped bundles', () => {
  it('is ES2020', () => {
    expect(BUNDLE_ECMA_VERSION).toBe(2020);
  });

  it('accepts ES2020 (optional chaining, nullish coalescing, BigInt, named groups)', () => {
    expect(engineProblems('var a = b?.c ?? 1n; var r = /(?<year>\\d{4})/; var x = "(?<=ok in a string)";')).toEqual([]);
  });

  it('rejects regex lookbehind, in a literal or handed to RegExp', () => {
    expect(engineProblems('var r = /(?<=[\\w)])([+-])/g;')).toEqual([expect.stringContaining('lookbehind')]);
    expect(engineProblems('var r = new RegExp("(?<!x)y");')).toEqual([expect.stringContaining('lookbehind')]);
  });

  it('rejects syntax newer than ES2020 and newer built-ins', () => {
    expect(engineProblems('a ??= 1;')[0]).toMatch(/not ES2020/);
    expect(engineProblems('class A { x = 1 }')[0]).toMatch(/not ES2020/);
    expect(engineProblems('var c = structuredClone(o); "a".replaceAll("a", "b"); [1].findLast(f);')).toHaveLength(3);
    expect(engineProblems('var o = { findLast: 1 };')).toEqual([]);
  });
});

describe('the task pane loader', () => {
  it('is ES5, so that Internet Explorer 11 and EdgeHTML parse it and can show their message', async () => {
    const { readFileSync } = await import('node:fs');
    const acorn = await import('acorn');
    const code = readFileSync(new URL('../../src/taskpane/loader.js', import.meta.url), 'utf8');
    expect(() => acorn.parse(code, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  });
});

describe('polyfills loaded before everything else in the task pane', () => {
  it('provide Object.hasOwn (used by the bundled ExcelJS) where the engine lacks it', async () => {
    const saved = Object.hasOwn;
    try {
      (Object as { hasOwn?: unknown }).hasOwn = undefined;
      const { installPolyfills } = await import('../../src/taskpane/polyfills.js');
      installPolyfills();
      expect(Object.hasOwn({ a: 1 }, 'a')).toBe(true);
      expect(Object.hasOwn(Object.create({ a: 1 }), 'a')).toBe(false);
    } finally {
      (Object as { hasOwn?: unknown }).hasOwn = saved;
    }
  });
});
