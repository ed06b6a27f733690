import { describe, expect, it } from 'vitest';
import { TEXT } from '../../src/text/index.js';
import { englishIn } from './latin.js';
import { MESSAGE_AREAS, MESSAGE_SAMPLES } from './message-samples.js';
import type { BreakEvenOutcome } from '../../src/model/stress/breakeven.js';

/** Every leaf of a catalogue with its path: strings, functions, arrays of strings. */
function leaves(node: unknown, path = ''): [string, unknown][] {
  if (typeof node === 'string' || typeof node === 'function') return [[path, node]];
  if (Array.isArray(node)) return node.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, node]];
}

/**
 * The shape of a catalogue: each leaf's path and kind. `cli.summaries` is keyed by command name:
 * the English one-liners are built in each command's definition (they quote its live limits), the
 * Chinese ones sit in the catalogue, and test/cli/conventions.test.ts checks every command has both.
 */
const shape = (node: unknown): string[] =>
  leaves(node)
    .filter(([p]) => !p.startsWith('cli.summaries.'))
    .map(([p, v]) => `${p}:${typeof v}`)
    .sort();

/**
 * Arguments for a catalogue function: a value that reads as the number 2 in arithmetic and as a
 * Chinese word in text, so every template renders; functions that take records get them below.
 */
const word = new Proxy(Object(2) as object, {
  get(target, key) {
    if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 2 : '甲');
    if (key === 'toLocaleString' || key === 'toString') return () => '甲';
    if (key === 'length') return 1;
    return Reflect.get(target, key);
  },
});

const RECORD_ARGS: Readonly<Record<string, readonly unknown[]>> = {
  'pane.valuesInUse': [{ code: 'scenario', name: '甲', edited: 2 }],
  'cli.didYouMean': [['甲', '乙']],
  'sheets.about': [{ figures: 2, claims: 2, functions: 2, article: '000_06064889ae2eb9f6.txt', planVersion: 1 }],
  'sheets.stress.monteCarlo': [2, '7', 0.5],
  'stressPane.cancelled': ['甲'],
  'sheets.simulation.omitted': [['CN_UST_HOLDINGS', 'WORLD_GDP'], 250000],
  'swap.reason': [{ code: 'range', fn: 'CLAIM.RATIO', range: 'A1:A3', param: '甲' }],
  'swap.valueNote': [{ code: 'arity', fn: 'CLAIM.RATIO', given: 1, takes: 2 }],
  exprProblem: [{ code: 'arity', name: 'CLAIM.RATIO', min: 1, max: 2, got: 3 }],
  'preview.refusal': [{ reason: 'notInList', value: '甲', entries: ['乙', '丙'] }],
};
/** One break-even outcome of each code (model/stress/breakeven.ts), both truth values where a code has one. */
const BREAK_EVEN_OUTCOMES: readonly BreakEvenOutcome[] = [
  { code: 'flips', input: 'WORLD_GDP', holdsBelow: true, at: 2 },
  { code: 'flips', input: 'WORLD_GDP', holdsBelow: false, at: 2 },
  { code: 'reaches', input: 'WORLD_GDP', target: 3, at: 2, exact: true },
  { code: 'reaches', input: 'WORLD_GDP', target: 3, at: 2, exact: false },
  { code: 'notFinite', input: 'WORLD_GDP', from: 1, to: 4 },
  { code: 'neverFlips', input: 'WORLD_GDP', from: 1, to: 4, holds: true, min: 1, max: 2 },
  { code: 'neverFlips', input: 'WORLD_GDP', from: 1, to: 4, holds: false, min: 1, max: 2 },
  { code: 'notReached', input: 'WORLD_GDP', from: 1, to: 4, target: 9, min: 1, max: 2 },
  { code: 'jump', input: 'WORLD_GDP', from: 1, to: 4, target: 9, near: 2 },
];
const COMPARISON = { holds: true, value: '甲', stated: '乙', statedHigh: '丙', difference: '丁', tolerance: '戊', exclusiveLow: false };

/** Every rendering a catalogue entry can give: strings as they are, functions called with sample arguments (and both truth values of a comparison). */
function renders(path: string, value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'function') return [];
  const f = value as (...args: unknown[]) => unknown;
  const messages = MESSAGE_SAMPLES.get(path);
  if (messages) return messages.map((m) => String(f(m)));
  if (path.startsWith('reasons.') && /\.(approx|exact|atLeast|atMost|between)$/.test(path)) {
    return [f(COMPARISON), f({ ...COMPARISON, holds: false, exclusiveLow: true })].map(String);
  }
  if (path === 'reasons.decidedBy') return [f('article', 2), f('published', 9)].map(String);
  if (path === 'cliOutput.stress.breakEvenOutcome') return BREAK_EVEN_OUTCOMES.map((o) => String(f(o, String)));
  const args = RECORD_ARGS[path] ?? Array.from({ length: Math.max(f.length, 4) }, () => word);
  const out = f(...args);
  return (Array.isArray(out) ? out.map((line: { text?: string } | null) => line?.text ?? '') : [out]).map(String);
}

describe('the string catalogue', () => {
  it('has the same keys, kinds and list lengths in English and Chinese', () => {
    expect(shape(TEXT.zh)).toEqual(shape(TEXT.en));
  });

  it('renders every Chinese entry with no English word other than ids, names, syntax and unit symbols', () => {
    const found: string[] = [];
    for (const [path, value] of leaves(TEXT.zh)) {
      for (const text of renders(path, value)) {
        const words = englishIn(text);
        if (words.length) found.push(`${path}: ${words.join(', ')} in “${text}”`);
      }
    }
    expect(found).toEqual([]);
  });

  it('renders every message code (grade notes…) in both languages, from a sample of each', () => {
    for (const area of MESSAGE_AREAS) {
      for (const lang of ['en', 'zh'] as const) {
        const templates = leaves(TEXT[lang][area]).map(([p]) => `${area}.${p}`);
        expect(templates.filter((p) => !MESSAGE_SAMPLES.has(p)), `${lang}: codes without a sample`).toEqual([]);
        expect([...MESSAGE_SAMPLES.keys()].filter((p) => p.startsWith(`${area}.`) && !templates.includes(p)), `${lang}: samples of no code`).toEqual([]);
        for (const p of templates) {
          const texts = renders(p, leaves(TEXT[lang]).find(([q]) => q === p)![1]);
          expect(texts.length, p).toBeGreaterThan(0);
          for (const text of texts) expect(text.trim(), `${lang} ${p}`).not.toBe('');
          // the same message never reads the same in both languages (a template left in English)
          if (lang === 'zh') {
            const english = renders(p, leaves(TEXT.en).find(([q]) => q === p)![1]);
            texts.forEach((text, i) => expect(text, p).not.toBe(english[i]));
          }
        }
      }
    }
  });

  it('finds English in a Chinese render (the scan above can fail)', () => {
    expect(englishIn('判定：Verdict')).toEqual(['Verdict']);
    expect(englishIn('已写入 Stress 工作表（2 charts）')).toEqual(['charts']);
    expect(englishIn('=IF($N2="consistent","一致",$N2)')).toEqual([]);
    expect(englishIn('TARIFF_IMPLIED_BASE 的基准值')).toEqual([]);
  });

  it('finds a key missing in one language (the shape check above can fail)', () => {
    const { title: _dropped, ...withoutTitle } = TEXT.zh.pane;
    expect(shape({ ...TEXT.zh, pane: withoutTitle })).not.toEqual(shape(TEXT.en));
  });

  it('renders the English verdict words as the codes, so English workbooks read as before', () => {
    expect(Object.entries(TEXT.en.verdicts).every(([code, w]) => code === w)).toBe(true);
    expect(new Set(Object.values(TEXT.zh.verdicts)).size).toBe(4);
  });
});
