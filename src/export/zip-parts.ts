/**
 * An .xlsx (a zip) as named parts, and back, changing only the parts asked: every other entry is
 * copied as it was stored (its compressed bytes, its CRC, its name), so a rewrite of two sheets
 * leaves the rest of a workbook byte for byte as Excel (or anyone) saved it. Call `checkXlsxZip`
 * (zip-guard.ts) on the bytes first: this trusts a zip that passed it.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  /** The stored (compressed) bytes. */
  readonly data: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function entriesOf(zip: Buffer): Entry[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== EOCD) eocd--;
  if (eocd < 0) throw new RangeError('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== CENTRAL) throw new RangeError('damaged zip directory');
    const nameLength = zip.readUInt16LE(p + 28);
    const local = zip.readUInt32LE(p + 42);
    const compressed = zip.readUInt32LE(p + 20);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    out.push({ name: zip.toString('utf8', p + 46, p + 46 + nameLength), method: zip.readUInt16LE(p + 10), crc: zip.readUInt32LE(p + 16), size: zip.readUInt32LE(p + 24), data: zip.subarray(start, start + compressed) });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return out;
}

/** The text of every part, by name (parts are inflated only when read). */
export function readZipParts(zip: Buffer): Map<string, () => string> {
  return new Map(entriesOf(zip).map((e) => [e.name, () => (e.method === 0 ? e.data : inflateRawSync(e.data)).toString('utf8')]));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The zip again with `changed` parts replaced (text), `removed` parts left out, and every other
 * entry copied as stored. Entry order is kept; a changed part that was not there is added at the end.
 */
export function rewriteZipParts(zip: Buffer, changed: ReadonlyMap<string, string>, removed: ReadonlySet<string> = new Set()): Buffer {
  const entries = entriesOf(zip).filter((e) => !removed.has(e.name));
  const names = new Set(entries.map((e) => e.name));
  const fresh = (name: string, text: string): Entry => {
    const raw = Buffer.from(text, 'utf8');
    return { name, method: 8, crc: crc32(raw), size: raw.length, data: deflateRawSync(raw) };
  };
  const all = [...entries.map((e) => (changed.has(e.name) ? fresh(e.name, changed.get(e.name)!) : e)), ...[...changed].filter(([n]) => !names.has(n)).map(([n, t]) => fresh(n, t))];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of all) {
    const name = Buffer.from(e.name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(LOCAL, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // names in UTF-8
    head.writeUInt16LE(e.method, 8);
    head.writeUInt16LE(0, 10); // time
    head.writeUInt16LE(0x21, 12); // 1980-01-01
    head.writeUInt32LE(e.crc, 14);
    head.writeUInt32LE(e.data.length, 18);
    head.writeUInt32LE(e.size, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    head.copy(central, 8, 6, 30); // flags … name length, as in the local header
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(all.length, 8);
  end.writeUInt16LE(all.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
