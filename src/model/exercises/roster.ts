/**
 * Class rosters: a CSV with a `student_id` column (any other columns are ignored), or a single
 * column of ids without a header. Ids are trimmed; an empty or duplicate id is an error naming
 * its line. Trailing blank lines are ignored; a blank line between ids is an empty id.
 */
import { splitCsvLine } from '../csv.js';

export class RosterError extends Error {
  override readonly name = 'RosterError';
  constructor(readonly problems: readonly string[]) {
    super(`roster rejected:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const HEADER = 'student_id';
/** Characters an id may not hold: control characters (they would break files and cells). */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The roster's student ids, in file order. Throws RosterError listing every problem with its line number. */
export function parseRoster(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  if (!lines.length) throw new RosterError(['the roster is empty: give one student id per line, or a "student_id" column']);
  const header = splitCsvLine(lines[0]!).map((h) => h.trim().toLowerCase());
  const column = header.indexOf(HEADER);
  const first = column >= 0 ? 1 : 0;
  if (column < 0 && header.length > 1) {
    throw new RosterError([`line 1: a roster with several columns needs a "${HEADER}" header (found: ${header.join(', ')})`]);
  }
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const ids: string[] = [];
  for (let i = first; i < lines.length; i++) {
    const fields = splitCsvLine(lines[i]!);
    const id = (fields[column >= 0 ? column : 0] ?? '').trim();
    const at = `line ${i + 1}`;
    if (!id) {
      problems.push(`${at}: empty student id`);
      continue;
    }
    if (CONTROL.test(id)) {
      problems.push(`${at}: student id ${JSON.stringify(id)} holds a control character`);
      continue;
    }
    if (id.length > 100) {
      problems.push(`${at}: student id is longer than 100 characters`);
      continue;
    }
    const before = seen.get(id);
    if (before !== undefined) {
      problems.push(`${at}: duplicate student id "${id}" (first on line ${before})`);
      continue;
    }
    seen.set(id, i + 1);
    ids.push(id);
  }
  if (!ids.length && !problems.length) problems.push(`the roster has a "${HEADER}" header but no ids`);
  if (problems.length) throw new RosterError(problems);
  return ids;
}

/**
 * A file name for each student: the id with anything but letters, digits, '.', '_' and '-'
 * replaced by '_' (letters of any script stay), made unique case-insensitively (`-2`, `-3`…) since file systems may fold case.
 */
export function studentFileNames(ids: readonly string[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const id of ids) {
    const base = id.replace(/[^\p{L}\p{N}._-]/gu, '_').replace(/^\.+/, '_') || 'student';
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}-${k}`;
    used.add(name.toLowerCase());
    out.set(id, name);
  }
  return out;
}
