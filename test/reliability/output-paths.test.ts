/**
 * Issue 20, item 3: every CLI command that writes a file, pointed at a path that cannot be
 * written, prints one line naming the path and the reason and exits 2: no stack trace, no spin,
 * no half-written file. Run as real processes, since a stack trace is what the process entry prints.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFolder, OutputError, writeFileAtomic } from '../../src/cli/output.js';
import { ROOT } from '../paths.js';
import { HOSTILE_SEED, studentFile } from './hostile-files.js';

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  readonly timedOut: boolean;
}

/** The CLI as a process (its entry, src/cli/bin.ts, through tsx), killed after `seconds`. */
function runCli(args: readonly string[], seconds = 40): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), ...args], { cwd: ROOT });
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, seconds * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, timedOut });
    });
  });
}

let dir: string;
let roster: string;
let aFile: string;
let classDir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimcell-out-'));
  roster = join(dir, 'roster.csv');
  writeFileSync(roster, 'student_id\nalice\n');
  aFile = join(dir, 'a-file');
  writeFileSync(aFile, 'keep me');
  classDir = join(dir, 'class');
  mkdirSync(classDir);
  writeFileSync(join(classDir, 'alice.xlsx'), await studentFile('alice'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exercise = (out: string): string[] => ['exercise', '--seed', HOSTILE_SEED, '--roster', roster, '--out', out];

describe('every command with an output path that cannot be written', () => {
  const cases: [string, () => string[], () => string][] = [
    ['scenarios export into a missing folder', () => ['scenarios', 'export', '/nonexistent/dir/x.json'], () => '/nonexistent/dir/x.json: the folder /nonexistent/dir does not exist'],
    ['scenarios export into /sys', () => ['scenarios', 'export', '/sys/claimcell.json'], () => '/sys/claimcell.json'],
    ['scenarios export onto a folder', () => ['scenarios', 'export', dir], () => `${dir}: that is a folder, not a file`],
    ['exercise --out onto an existing file', () => exercise(aFile), () => `${aFile}: that is a file, not a folder`],
    ['exercise --out under /sys', () => exercise('/sys/claimcell'), () => '/sys/claimcell'],
    ['exercise --out under /proc (used to spin at 100% CPU)', () => exercise('/proc/claimcell'), () => '/proc/claimcell: no folder can be made in /proc'],
    ['exercise --out below a file', () => exercise(join(aFile, 'sub')), () => `${join(aFile, 'sub')}: ${aFile} is a file, not a folder`],
    ['workbook --out into a folder that cannot be made', () => ['workbook', '--out', '/proc/claimcell/w.xlsx'], () => '/proc/claimcell/w.xlsx: no folder can be made in /proc'],
    ['workbook --out below a file', () => ['workbook', '--out', join(aFile, 'w.xlsx')], () => `${join(aFile, 'w.xlsx')}: ${aFile} is a file, not a folder`],
    ['workbook --out onto a folder', () => ['workbook', '--out', dir], () => `${dir}: that is a folder, not a file`],
    ['grade --gradebook into a missing folder', () => ['grade', classDir, '--seed', HOSTILE_SEED, '--gradebook', '/nonexistent/g.csv'], () => '/nonexistent/g.csv: the folder /nonexistent does not exist'],
  ];
  it.each(cases)('%s: one line naming the path and the reason, exit 2, no stack trace', async (_, args, message) => {
    const run = await runCli(args());
    expect(run.timedOut, 'the command did not finish').toBe(false);
    expect(run.err).not.toMatch(/^ {4}at /m);
    expect(run.err).toContain(`cannot write ${message()}`);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.code).toBe(2);
  }, 60_000);

  it('grade prints every result before the gradebook write fails', async () => {
    const run = await runCli(['grade', classDir, '--seed', HOSTILE_SEED, '--gradebook', '/nonexistent/g.csv']);
    expect(run.out).toContain(`alice (${join(classDir, 'alice.xlsx')}): 0 / `);
    expect(run.out).toContain('graded 1 of 1 file(s)');
    expect(run.code).toBe(2);
  }, 60_000);

  it('a file that stands in the way is left as it was', () => {
    expect(readFileSync(aFile, 'utf8')).toBe('keep me');
  });
});

describe('writeFileAtomic and ensureFolder', () => {
  it('replaces a file whole and leaves no temporary file behind', () => {
    const folder = mkdtempSync(join(tmpdir(), 'claimcell-atomic-'));
    const target = join(folder, 'out.csv');
    writeFileSync(target, 'old');
    writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(folder)).toEqual(['out.csv']);
    rmSync(folder, { recursive: true });
  });

  it('a failed write names path and reason and leaves nothing behind', () => {
    const folder = mkdtempSync(join(tmpdir(), 'claimcell-atomic-'));
    mkdirSync(join(folder, 'taken'));
    expect(() => writeFileAtomic(join(folder, 'taken'), 'x')).toThrow(OutputError);
    expect(() => writeFileAtomic(join(folder, 'missing', 'x.csv'), 'x')).toThrow(`cannot write ${join(folder, 'missing', 'x.csv')}: the folder ${join(folder, 'missing')} does not exist`);
    expect(readdirSync(folder)).toEqual(['taken']);
    rmSync(folder, { recursive: true });
  });

  it('makes missing parent folders one level at a time', () => {
    const folder = mkdtempSync(join(tmpdir(), 'claimcell-atomic-'));
    ensureFolder(join(folder, 'a', 'b', 'c'));
    expect(existsSync(join(folder, 'a', 'b', 'c'))).toBe(true);
    ensureFolder(join(folder, 'a', 'b', 'c')); // already there: fine
    rmSync(folder, { recursive: true });
  });
});
