import type { Cell, ExerciseFile } from '../../../src/model/exercises/index.js';
import type { WorkbookPlan } from '../../../src/plan/types.js';

/** The workbook a plan describes, as grading reads it, with answers typed into the named cells. */
export function fileFromPlan(plan: WorkbookPlan, answers: Record<string, Cell> = {}, edits: Record<string, Cell> = {}): ExerciseFile {
  const sheets = new Map(plan.sheets.map((s) => [s.name, s.cells.map((row) => row.map((c) => (c.v ?? c.cached ?? null) as Cell))]));
  const names = new Map<string, Cell>();
  for (const n of plan.names) {
    const m = /^\$([A-Z]+)\$(\d+)$/.exec(n.address)!;
    const col = m[1]!.charCodeAt(0) - 64;
    const row = Number(m[2]);
    const rows = sheets.get(n.sheet)!;
    const value = answers[n.name] ?? edits[n.name];
    if (value !== undefined) {
      while (rows[row - 1]!.length < col) rows[row - 1]!.push(null);
      rows[row - 1]![col - 1] = value;
    }
    names.set(n.name, rows[row - 1]?.[col - 1] ?? null);
  }
  return { sheets, names };
}
