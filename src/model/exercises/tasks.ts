/**
 * Exercise tasks: which claims make a task, at which difficulty, how each is worded (en + zh),
 * and the expected answer for one student's figures. Pure: no Office, no Node APIs.
 */
import { auditClaim, getClaim, loadClaims, type Claim, type Overrides, type Verdict } from '../claims/index.js';
import { callsOf } from '../expr/index.js';
import type { UnitId } from '../units/index.js';
import { answerFormat, roundTo, toleranceFor, type AnswerFormat } from './answer-format.js';
import { conditionOf, hintsOf, mathOf } from './describe.js';
import type { UserTables } from '../user/index.js';
import { givenOwnFigure, ownClaimOf, ownTaskRows, type OwnTaskRows } from './own.js';
import { givenFigure, ruleOf, type GivenFigure } from './perturb.js';

export const LEVELS = ['easy', 'medium', 'hard'] as const;
export type Level = (typeof LEVELS)[number];
export type TaskKind = 'recompute' | 'breakeven';

/** One task: recompute a claim's value, or find the break-even value of one of its inputs. */
export interface TaskSpec {
  /** T1, T2, … (the answer cell is the defined name ANSWER_<id>). */
  readonly id: string;
  readonly kind: TaskKind;
  readonly claim: string;
  /** The figure whose break-even value is asked (break-even tasks only). */
  readonly input?: string;
  /** A claim of the user's own (MyClaims): its row and the figure rows it reads travel with the task (own.ts). */
  readonly own?: OwnTaskRows;
}

export class ExerciseError extends Error {
  override readonly name = 'ExerciseError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

export const answerName = (taskId: string): string => `ANSWER_${taskId}`;

/** Functions that make a recomputation a "conversion / implied base / prior value" (medium). */
const MEDIUM_CALLS = new Set([
  'IMPLIED_FX', 'CONVERT_CURRENCY', 'TROY_OZ_TO_TONNES', 'TONNES_TO_TROY_OZ', 'TAXABLE_BASE', 'TARIFF_REVENUE',
  'PRIOR_FROM_GROWTH', 'PRIOR_FROM_DELTA', 'CHANGE', 'PCT_CHANGE', 'BURDEN_SHARE', 'SHARE_SHIFT_PP', 'INTEREST_COST',
]);
/** Date arithmetic (hard). */
const DATE_CALLS = new Set(['DAYS_BETWEEN', 'STREAK_START', 'MONTHS_IN_STREAK']);
/** Calls a student cannot rebuild from the wording (no plain arithmetic or native equivalent given). */
const UNTEACHABLE_CALLS = new Set(['YEARS_TO_OVERTAKE', 'CHECK', 'FIGURE', 'PARTS_GAP', 'CUMULATIVE_CHANGE', 'MONTHS_IN_STREAK']);

function hasNumberConstant(claim: Claim): boolean {
  const walk = (e: Claim['recomputeExpr']): boolean =>
    e.kind === 'number' ? true : e.kind === 'call' ? e.args.some(walk) : e.kind === 'neg' ? walk(e.arg) : e.kind === 'binary' ? walk(e.left) || walk(e.right) : false;
  return walk(claim.recomputeExpr);
}

/** Difficulty: easy = sums and ratios; medium = conversions, implied bases, prior values; hard = dates and break-evens. */
export function levelOf(claim: Claim, kind: TaskKind = 'recompute'): Level {
  if (kind === 'breakeven') return 'hard';
  const calls = callsOf(claim.recomputeExpr);
  if (claim.unit === 'date' || claim.unit === 'days' || calls.some((c) => DATE_CALLS.has(c))) return 'hard';
  if (calls.some((c) => MEDIUM_CALLS.has(c)) || hasNumberConstant(claim)) return 'medium';
  return 'easy';
}

/** Why a claim cannot be a recompute task, or null when it can (`values`: those it reads beyond the article's, e.g. the user's figures). */
export function recomputeProblem(claim: Claim, values?: Overrides): string | null {
  const e = claim.recomputeExpr;
  if (e.kind === 'id' || e.kind === 'number') return `${claim.id} only echoes one figure, so there is nothing to recompute`;
  if (claim.unit === 'text') return `${claim.id} has no numeric value`;
  const odd = callsOf(e).find((c) => UNTEACHABLE_CALLS.has(c));
  if (odd) return `${claim.id} uses ${odd}, which the task wording cannot spell out as arithmetic`;
  const value = auditClaim(claim, values, { margins: false }).recomputed;
  if (value === null || !Number.isFinite(value)) return `${claim.id} does not recompute to a number`;
  return null;
}

/** Inputs whose break-even can be asked: numeric levels and fractions the claim reads. */
function breakEvenInputs(claim: Claim): string[] {
  return [...claim.figures, ...claim.references].filter((id) => {
    const g = givenFigure(id);
    return g !== undefined && g.value !== 0 && (ruleOf(g) === 'level' || ruleOf(g) === 'fraction');
  });
}

export interface BreakEven {
  readonly value: number;
  readonly from: Verdict;
  readonly to: Verdict;
}

/**
 * The value of `input` nearest its current value at which the claim's verdict changes, other
 * values held: scanned outward in both directions (relative steps, signs kept), then bisected.
 * A move into `unverifiable` (an input outside a function's domain) is the edge of the search,
 * not a flip. Null when no flip lies within −99.9%…+1000%.
 */
export function breakEven(claim: Claim, input: string, values: Overrides): BreakEven | null {
  const base = values.get(input) ?? givenFigure(input)?.value;
  if (base === undefined || base === 0) return null;
  const verdictAt = (x: number): Verdict => auditClaim(claim, new Map([...values, [input, x]]), { margins: false }).verdict;
  const from = verdictAt(base);
  let best: { value: number; to: Verdict; distance: number } | null = null;
  for (const direction of [1, -1] as const) {
    const at = (delta: number): number => base * (1 + direction * delta);
    const limit = direction === 1 ? 10 : 0.999;
    const deltas: number[] = [];
    for (let d = 1e-4; d < limit; d *= 1.25) deltas.push(d);
    deltas.push(limit);
    let inside = 0;
    let found: { outside: number; to: Verdict } | null = null;
    for (const delta of deltas) {
      const v = verdictAt(at(delta));
      if (v !== from) {
        if (v !== 'unverifiable') found = { outside: delta, to: v };
        break;
      }
      inside = delta;
    }
    if (!found) continue;
    let outside: number = found.outside;
    for (let i = 0; i < 80 && outside - inside > 1e-13; i++) {
      const mid: number = (inside + outside) / 2;
      if (verdictAt(at(mid)) === from) inside = mid;
      else outside = mid;
    }
    const value = at(outside);
    const distance = Math.abs(value - base);
    if (!best || distance < best.distance) best = { value, to: found.to, distance };
  }
  return best ? { value: best.value, from, to: best.to } : null;
}

const articleValues = (): Overrides => new Map();

/** Why a break-even task on (claim, input) cannot be asked, or null when it can. */
export function breakEvenProblem(claim: Claim, input: string): string | null {
  if (!claim.compiledChecks.length) return `${claim.id} has no check, so its verdict cannot flip`;
  if (!breakEvenInputs(claim).includes(input)) {
    return `${input} is not a numeric input of ${claim.id} (inputs: ${breakEvenInputs(claim).join(', ') || 'none'})`;
  }
  if (!breakEven(claim, input, articleValues())) return `moving ${input} within −99.9%…+1000% does not change the verdict of ${claim.id}`;
  return null;
}

function claimOrThrow(id: string): Claim {
  const claim = getClaim(id);
  if (!claim) throw new ExerciseError([`unknown claim "${id}" (run "claims" for the list)`]);
  return claim;
}

/** The task's claim: the catalogue's, or the user's compiled from the rows the task carries. */
function claimOfTask(task: TaskSpec): Claim {
  if (!task.own) return claimOrThrow(task.claim);
  const claim = ownClaimOf(task.own);
  if (typeof claim === 'string') throw new ExerciseError([claim]);
  return claim;
}

/** A user's claim named in a task list: its rows and compiled claim, or the problem that keeps it out. */
function ownEntry(mine: UserTables | undefined, claimId: string, inputId: string | undefined): { claim: Claim; own: OwnTaskRows } | string {
  const own = mine ? ownTaskRows(mine, claimId) : undefined;
  if (!own) return `unknown claim "${claimId}"${mine ? ' (not in the catalogue nor in MyClaims)' : ''}`;
  if (inputId !== undefined) return `${own.claim.id} is a claim of yours: it can be a recompute task, not a break-even task ("${claimId}@${inputId}")`;
  const claim = ownClaimOf(own);
  return typeof claim === 'string' ? claim : { claim, own };
}

/**
 * Tasks from entries "CLAIM_ID" (recompute) or "CLAIM_ID@FIGURE_ID" (break-even of that figure).
 * With `mine` (the workbook's MyFigures/MyClaims), a user's claim id makes a recompute task that carries its rows.
 */
export function parseTaskList(entries: readonly string[], mine?: UserTables): TaskSpec[] {
  const problems: string[] = [];
  const tasks: TaskSpec[] = [];
  const seen = new Set<string>();
  for (const raw of entries.map((e) => e.trim()).filter(Boolean)) {
    const [claimId = '', inputId] = raw.toUpperCase().split('@');
    const found = getClaim(claimId) ?? ownEntry(mine, claimId, inputId);
    if (typeof found === 'string') {
      problems.push(found);
      continue;
    }
    const claim = 'own' in found ? found.claim : found;
    const own = 'own' in found ? found.own : undefined;
    const key = `${claim.id}@${inputId ?? ''}`;
    if (seen.has(key)) {
      problems.push(`"${raw}" is listed twice`);
      continue;
    }
    seen.add(key);
    const ownValues = own ? new Map(own.figures.map((f) => [f.id, f.value])) : undefined;
    const problem = inputId === undefined ? recomputeProblem(claim, ownValues) : breakEvenProblem(claim, inputId);
    if (problem) problems.push(problem);
    else tasks.push({ id: `T${tasks.length + 1}`, kind: inputId === undefined ? 'recompute' : 'breakeven', claim: claim.id, ...(inputId === undefined ? {} : { input: inputId }), ...(own ? { own } : {}) });
  }
  if (problems.length) throw new ExerciseError(problems);
  if (!tasks.length) throw new ExerciseError(['no claims given']);
  return tasks;
}

/** Claims (in catalogue order) that can be a recompute task, with their level (computed once: the catalogue is fixed). */
export function recomputeCandidates(): { claim: Claim; level: Level }[] {
  recomputeCache ??= loadClaims()
    .claims.filter((c) => recomputeProblem(c) === null)
    .map((claim) => ({ claim, level: levelOf(claim) }));
  return [...recomputeCache];
}
let recomputeCache: { claim: Claim; level: Level }[] | undefined;
let breakEvenCache: { claim: Claim; input: string }[] | undefined;

/**
 * Break-even candidates: claims with a single one-sided check (at least / at most), so the verdict
 * flips at exactly one value; the first numeric input whose break-even lies 2%…300% away.
 */
export function breakEvenCandidates(): { claim: Claim; input: string }[] {
  if (breakEvenCache) return [...breakEvenCache];
  const out: { claim: Claim; input: string }[] = [];
  for (const claim of loadClaims().claims) {
    if (claim.compiledChecks.length !== 1 || !['atLeast', 'atMost'].includes(claim.compiledChecks[0]!.compare)) continue;
    for (const input of breakEvenInputs(claim)) {
      const found = breakEven(claim, input, articleValues());
      const base = givenFigure(input)!.value;
      if (found && Math.abs(found.value / base - 1) >= 0.02 && Math.abs(found.value / base - 1) <= 3) {
        out.push({ claim, input });
        break;
      }
    }
  }
  breakEvenCache = out;
  return [...out];
}

const MAX_LEVEL_TASKS = 6;

const number = (tasks: readonly Omit<TaskSpec, 'id'>[]): TaskSpec[] => tasks.map((t, i) => ({ id: `T${i + 1}`, ...t }));

/** Up to six tasks of one level, in catalogue order (hard alternates dates and break-evens). */
export function levelTasks(level: Level): TaskSpec[] {
  const recompute = recomputeCandidates()
    .filter((c) => c.level === level)
    .map((c) => ({ kind: 'recompute' as const, claim: c.claim.id }));
  if (level !== 'hard') return number(recompute.slice(0, MAX_LEVEL_TASKS));
  const breakEvens = breakEvenCandidates().map((c) => ({ kind: 'breakeven' as const, claim: c.claim.id, input: c.input }));
  const mixed: Omit<TaskSpec, 'id'>[] = [];
  for (let i = 0; mixed.length < MAX_LEVEL_TASKS && (i < recompute.length || i < breakEvens.length); i++) {
    if (recompute[i]) mixed.push(recompute[i]!);
    if (breakEvens[i] && mixed.length < MAX_LEVEL_TASKS) mixed.push(breakEvens[i]!);
  }
  return number(mixed);
}

/**
 * The default set, for variety: two easy, two medium and one date task whose recomputations share
 * no function, then one break-even on a claim not already in the set.
 */
export function defaultTasks(): TaskSpec[] {
  const chosen: Omit<TaskSpec, 'id'>[] = [];
  const usedCalls = new Set<string>();
  const take = (level: Level, count: number): void => {
    for (const { claim } of recomputeCandidates().filter((c) => c.level === level)) {
      if (count === 0) return;
      const calls = callsOf(claim.recomputeExpr);
      if (calls.some((c) => usedCalls.has(c))) continue;
      calls.forEach((c) => usedCalls.add(c));
      chosen.push({ kind: 'recompute', claim: claim.id });
      count--;
    }
  };
  take('easy', 2);
  take('medium', 2);
  take('hard', 1);
  const be = breakEvenCandidates().find((c) => !chosen.some((t) => t.claim === c.claim.id));
  if (be) chosen.push({ kind: 'breakeven', claim: be.claim.id, input: be.input });
  return number(chosen);
}

/** The task list for `--claims` (wins; with `mine`, the user's claims too), else `--level`, else the default set. */
export function buildTaskSet(options: { claims?: readonly string[]; level?: Level; mine?: UserTables } = {}): TaskSpec[] {
  if (options.claims && options.claims.length) return parseTaskList(options.claims, options.mine);
  if (options.level) {
    const tasks = levelTasks(options.level);
    if (!tasks.length) throw new ExerciseError([`no claim qualifies for level ${options.level}`]);
    return tasks;
  }
  return defaultTasks();
}

/** Figure and reference ids a task reads (the figures shown to the student for it). */
export function taskFigureIds(task: TaskSpec): string[] {
  const claim = claimOfTask(task);
  return [...claim.figures, ...claim.references, ...(task.own?.figures.map((f) => f.id) ?? [])];
}

/** Looks a given figure up among the article's, the references and the user's figures the tasks carry. */
export function givenFigureIn(tasks: readonly TaskSpec[]): (id: string) => GivenFigure | undefined {
  const own = new Map(tasks.flatMap((t) => t.own?.figures ?? []).map((f) => [f.id, f] as const));
  return (id) => givenFigure(id) ?? (own.has(id) ? givenOwnFigure(own.get(id)!) : undefined);
}

/** Every id the tasks read, in first-use order. */
export function exerciseFigureIds(tasks: readonly TaskSpec[]): string[] {
  const ids: string[] = [];
  for (const t of tasks) for (const id of taskFigureIds(t)) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** The unit the answer is asked in: the claim's unit, or the input's for a break-even. */
export function answerUnitOf(task: TaskSpec): UnitId {
  if (task.kind === 'breakeven') return givenFigure(task.input!)!.unit;
  return claimOfTask(task).unit;
}

export interface TaskKey {
  readonly task: TaskSpec;
  readonly unit: UnitId;
  readonly format: AnswerFormat;
  /** The exact expected value (unrounded); null when the variant has none (reported, not graded). */
  readonly exact: number | null;
  /** The expected value at the asked rounding. */
  readonly expected: number | null;
  readonly tolerance: number;
}

/** The answer key of one task for one student's figure values. Computed only when grading. */
export function taskKey(task: TaskSpec, values: Overrides): TaskKey {
  const claim = claimOfTask(task);
  const unit = answerUnitOf(task);
  const format = answerFormat(unit);
  let exact: number | null;
  if (task.kind === 'breakeven') exact = breakEven(claim, task.input!, values)?.value ?? null;
  else exact = auditClaim(claim, values, { margins: false }).recomputed;
  if (exact !== null && !Number.isFinite(exact)) exact = null;
  return {
    task,
    unit,
    format,
    exact,
    expected: exact === null ? null : roundTo(exact, format.decimals),
    tolerance: toleranceFor(format.decimals),
  };
}

export interface TaskText {
  readonly en: string;
  readonly zh: string;
  readonly unitEn: string;
  readonly unitZh: string;
  readonly roundingEn: string;
  readonly roundingZh: string;
}

/** The task's wording in English and Chinese (ClaimCell's own words; no figure values, no answers). */
export function taskText(task: TaskSpec): TaskText {
  const claim = claimOfTask(task);
  const format = answerFormat(answerUnitOf(task));
  const cell = answerName(task.id);
  const hints = hintsOf(claim.recomputeExpr);
  // the article's paragraphs; a claim of the instructor's own is quoted instead
  const paras = task.own ? `“${claim.statementEn}”` : claim.paragraphs.map((p) => `¶${p}`).join(', ');
  let en: string;
  let zh: string;
  if (task.kind === 'recompute') {
    en = `Claim ${claim.id} (${paras}). Using the named figures on the Figures sheet, compute ${mathOf(claim.recomputeExpr)}.`;
    zh = `说法 ${claim.id}（${paras}）。用 Figures 表中的命名数字计算 ${mathOf(claim.recomputeExpr)}。`;
  } else {
    const conditions = claim.compiledChecks.map((c) => conditionOf(c, claim));
    en = `Claim ${claim.id} (${paras}) passes its check${conditions.length > 1 ? 's' : ''} when ${conditions.join(' and ')}. Keeping every other figure as given, find the value of ${task.input} at which the verdict changes (if it could change both ways, the value nearest the given one).`;
    zh = `说法 ${claim.id}（${paras}）在 ${conditions.join(' 且 ')} 时通过检验。其他数字保持不变，求 ${task.input} 取何值时判定发生改变（若两个方向都可能改变，取离给定值最近的那个）。`;
  }
  const isDate = answerUnitOf(task) === 'date';
  en += ` ${isDate ? 'Answer' : `Answer in ${format.unitEn},`} ${format.roundingEn}, in the cell named ${cell}.${hints.map((h) => ` ${h.en}`).join('')}`;
  zh += `${isDate ? '答案' : `答案单位为${format.unitZh}，`}${format.roundingZh}，填入名为 ${cell} 的单元格。${hints.map((h) => h.zh).join('')}`;
  return { en, zh, unitEn: format.unitEn, unitZh: format.unitZh, roundingEn: format.roundingEn, roundingZh: format.roundingZh };
}

/** Level of a task (for summaries). */
export function taskLevel(task: TaskSpec): Level {
  return levelOf(claimOfTask(task), task.kind);
}
