/**
 * A look inside an .xlsx (a zip) before any parser sees it. ExcelJS (through JSZip) inflates every
 * entry in memory with no limit, so a 1 MB zip bomb grows to gigabytes and an entry named
 * `../../x` reaches whatever unpacks it. This reads the zip's central directory itself and
 * inflates each entry with a hard output limit, so a hostile file costs at most
 * `XLSX_LIMITS.inflatedBytes` of memory and is refused with a sentence, not a crash.
 */
import { inflateRawSync } from 'node:zlib';

/** Documented limits for a workbook ClaimCell reads (a student's exercise file is about 13 KB zipped, 40 KB inflated). */
export const XLSX_LIMITS = {
  /** The file itself, as stored on disk. */
  fileBytes: 10 * 1024 * 1024,
  /** Every entry inflated, added up. */
  inflatedBytes: 32 * 1024 * 1024,
  /** Entries in the zip (an exercise file has 18). */
  entries: 2000,
} as const;

/** The file is not a zip ClaimCell will open; the message says why, in one sentence. */
export class XlsxRefusedError extends Error {
  override readonly name = 'XlsxRefusedError';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const MB = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

/** An entry name that would land outside the folder it is unpacked into (or nowhere sensible). */
export function unsafeEntryName(name: string): boolean {
  return name.includes('\\') || name.includes('\0') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').includes('..');
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) if (zip.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/**
 * Checks the zip's structure, entry names and inflated size (by inflating every entry with a
 * limit, not by trusting the sizes the zip declares). Throws XlsxRefusedError; returns nothing.
 */
export function checkXlsxZip(zip: Buffer, limits: { readonly fileBytes: number; readonly inflatedBytes: number; readonly entries: number } = XLSX_LIMITS): void {
  if (zip.length > limits.fileBytes) throw new XlsxRefusedError(`the file is ${MB(zip.length)}, over the ${MB(limits.fileBytes)} limit for a workbook`);
  const eocd = zip.length >= 22 ? findEndOfCentralDirectory(zip) : -1;
  if (eocd < 0) throw new XlsxRefusedError('not an .xlsx workbook (not a zip file)');
  const count = zip.readUInt16LE(eocd + 10);
  const directoryEnd = zip.readUInt32LE(eocd + 16) + zip.readUInt32LE(eocd + 12);
  if (count === 0xffff || directoryEnd > zip.length) throw new XlsxRefusedError('not a readable .xlsx workbook (a ZIP64 or damaged zip directory)');
  if (count > limits.entries) throw new XlsxRefusedError(`the zip holds ${count} entries, over the ${limits.entries} limit for a workbook`);
  let p = zip.readUInt32LE(eocd + 16);
  let inflated = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL) throw new XlsxRefusedError('not a readable .xlsx workbook (damaged zip directory)');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    if (unsafeEntryName(name)) throw new XlsxRefusedError(`the zip holds an entry named ${JSON.stringify(name)}, which points outside the workbook`);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) throw new XlsxRefusedError(`not a readable .xlsx workbook (entry ${JSON.stringify(name)} is damaged)`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + compressed > zip.length) throw new XlsxRefusedError(`not a readable .xlsx workbook (entry ${JSON.stringify(name)} runs past the end of the file)`);
    const data = zip.subarray(start, start + compressed);
    const budget = limits.inflatedBytes - inflated;
    if (method === STORED) inflated += data.length;
    else if (method === DEFLATED) {
      try {
        inflated += inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') inflated = limits.inflatedBytes + 1;
        else throw new XlsxRefusedError(`not a readable .xlsx workbook (entry ${JSON.stringify(name)} does not inflate)`);
      }
    } else throw new XlsxRefusedError(`not a readable .xlsx workbook (entry ${JSON.stringify(name)} uses compression method ${method})`);
    if (inflated > limits.inflatedBytes) throw new XlsxRefusedError(`the workbook inflates to more than ${MB(limits.inflatedBytes)} (a zip bomb?)`);
  }
}
