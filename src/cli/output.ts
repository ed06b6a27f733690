/**
 * Every file the CLI writes goes through here: written to a temporary file in the target folder
 * and renamed into place, so a failed write (a full disk, a killed process) never leaves a
 * half-written file under the real name; and every failure is one sentence naming the path and
 * the reason (exit code 2), never a stack trace.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './command.js';

/** A file or folder could not be written. */
export class OutputError extends UsageError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
  }
}

/** The operating system's error as a short reason a user can act on. */
export function reasonOf(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return statSafe(dirname(resolve(path))) ? `${dirname(resolve(path))} accepts no new files` : `the folder ${dirname(resolve(path))} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'that is a folder, not a file';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    default:
      return code ? `${code}: ${(error as Error).message}` : String(error instanceof Error ? error.message : error);
  }
}

function statSafe(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined; // ENOTDIR: a file stands higher up the path; the caller finds it
    throw new OutputError(path, reasonOf(error, path));
  }
}

/**
 * Checks, before any long work, that `path` can be written: its folder is made (or is there) and
 * `path` is not a folder. The errors are writeFileAtomic's and ensureFolder's own.
 */
export function prepareOutput(path: string): void {
  ensureFolder(dirname(resolve(path)), path);
  if (statOrUndefined(resolve(path))?.isDirectory()) throw new OutputError(path, 'that is a folder, not a file');
}

/** Writes `data` to `path` all at once or not at all (temporary file + rename). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const target = resolve(path);
  if (statOrUndefined(target)?.isDirectory()) throw new OutputError(path, 'that is a folder, not a file');
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new OutputError(path, reasonOf(error, path));
  }
}

/**
 * Makes a folder and any missing parents, one level at a time; errors name `path` (the folder,
 * or the file about to be written into it). Not `mkdirSync(…, {recursive})`:
 * on /proc that call loops forever at full CPU (it sees the parent, fails, and retries).
 */
export function ensureFolder(folder: string, path = folder): void {
  const missing: string[] = [];
  for (let at = resolve(folder); ; at = dirname(at)) {
    const stats = statOrUndefined(at);
    if (stats) {
      if (!stats.isDirectory()) throw new OutputError(path, at === resolve(path) ? 'that is a file, not a folder' : `${at} is a file, not a folder`);
      break;
    }
    if (dirname(at) === at) throw new OutputError(path, `the root ${at} does not exist`);
    missing.push(at);
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statOrUndefined(folder)?.isDirectory()) continue;
      // ENOENT with the parent present: a system folder such as /proc that holds no new folders.
      throw new OutputError(path, code === 'ENOENT' ? `no folder can be made in ${dirname(folder)}` : reasonOf(error, folder));
    }
  }
}
