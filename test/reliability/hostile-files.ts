/**
 * Hostile student workbooks, made at test time from a real exercise file (nothing large in git).
 * Each reproduces one failure of issue 20: a far-off cell, a zip bomb, a path-traversal entry, a
 * sheet of junk.
 */
import { studentWorkbookBuffer } from '../../src/cli/commands/exercise.js';
import { defaultTasks } from '../../src/model/exercises/index.js';
import { readZip, writeZip, type ZipEntry } from './zip.js';

export const HOSTILE_SEED = 'reliability-seed-5b1c9e07d2';

/** A clean exercise file for one student, answers empty. */
export const studentFile = (student: string): Promise<Buffer> => studentWorkbookBuffer(HOSTILE_SEED, student, defaultTasks());

/** The zip part holding a sheet, by the sheet's position (About 1, Tasks 2, Figures 3). */
const sheetPart = (position: number): string => `xl/worksheets/sheet${position}.xml`;

async function rewrite(bytes: Buffer, change: (entries: ZipEntry[]) => ZipEntry[]): Promise<Buffer> {
  return writeZip(change(await readZip(bytes)));
}

/** One value typed far away in the Tasks sheet (as a student's stray keystroke at the bottom of the grid). */
export async function withFarOffCell(bytes: Buffer, row = 1_048_576, column = 'XFD'): Promise<Buffer> {
  return rewrite(bytes, (entries) =>
    entries.map((e) => (e.name === sheetPart(2) ? { name: e.name, data: Buffer.from(e.data.toString('utf8').replace('</sheetData>', `<row r="${row}"><c r="${column}${row}"><v>1</v></c></row></sheetData>`)) } : e)),
  );
}

/** An extra entry whose name climbs out of the folder it would be unpacked into. */
export async function withTraversalEntry(bytes: Buffer, name = '../../claimcell-escaped.txt'): Promise<Buffer> {
  return rewrite(bytes, (entries) => [...entries, { name, data: Buffer.from('escaped') }]);
}

/** The Figures sheet padded with `megabytes` of zeros inside an XML comment: small zipped, huge inflated. */
export async function zipBomb(bytes: Buffer, megabytes: number): Promise<Buffer> {
  const padding = Buffer.alloc(megabytes * 1024 * 1024, 0x30);
  return rewrite(bytes, (entries) =>
    entries.map((e) => (e.name === sheetPart(3) ? { name: e.name, data: Buffer.concat([e.data, Buffer.from('<!--'), padding, Buffer.from('-->')]) } : e)),
  );
}

/** The Tasks sheet followed by `rows` rows of junk numbers in ten columns (a pasted data dump). */
export async function withJunkRows(bytes: Buffer, rows: number): Promise<Buffer> {
  const junk: string[] = [];
  for (let r = 100; r < 100 + rows; r++) {
    junk.push(`<row r="${r}">${['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((c, i) => `<c r="${c}${r}"><v>${r * 10 + i}</v></c>`).join('')}</row>`);
  }
  return rewrite(bytes, (entries) => entries.map((e) => (e.name === sheetPart(2) ? { name: e.name, data: Buffer.from(e.data.toString('utf8').replace('</sheetData>', `${junk.join('')}</sheetData>`)) } : e)));
}

/** Not a zip at all. */
export const notAZip = (): Buffer => Buffer.from('student_id,answer\nalice,42\n');
