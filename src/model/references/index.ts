import * as z from '../validation/zod.js';
import seed from '../../../seeds/references.json';
import { UNIT_IDS, isoToSerial } from '../units/index.js';
import { DataValidationError, parseOrThrow } from '../validation/index.js';

/**
 * A figure from outside the article, with its publisher, series and as-of date.
 * Used only where a claim cannot be judged from the article alone.
 */
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date'));
const atLeast = (n: number) => z.string().check(z.minLength(n));

export const ReferenceSchema = z.strictObject({
  id: z.string().check(z.regex(/^REF_[A-Z0-9_]+$/, 'must be REF_ followed by UPPER_SNAKE')),
  value: z.union([z.number(), isoDate]),
  unit: z.enum(UNIT_IDS),
  asOf: isoDate,
  publisher: atLeast(3),
  series: atLeast(3),
  /** The stored public page the value was read from. */
  url: z.string().check(z.regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')),
  labelEn: atLeast(3),
  labelZh: atLeast(2),
});

export type Reference = z.infer<typeof ReferenceSchema>;

const ReferenceCatalogueSchema = z.strictObject({ note: z.string(), noteZh: z.string().check(z.minLength(1)), references: z.array(ReferenceSchema) });

export function parseReferenceCatalogue(data: unknown, source = 'seeds/references.json'): readonly Reference[] {
  const { references } = parseOrThrow(ReferenceCatalogueSchema, data, source);
  const seen = new Set<string>();
  const problems = references.flatMap((r, i) => {
    const dup = seen.has(r.id);
    seen.add(r.id);
    return dup ? [`references[${i}] (${r.id}).id: duplicate id`] : [];
  });
  if (problems.length) throw new DataValidationError(source, problems);
  return references;
}

let cached: readonly Reference[] | undefined;
let index: Map<string, Reference> | undefined;

export function loadReferences(): readonly Reference[] {
  cached ??= Object.freeze(parseReferenceCatalogue(seed));
  return cached;
}

export function getReference(id: string): Reference | undefined {
  index ??= new Map(loadReferences().map((r) => [r.id, r]));
  return index.get(id);
}

/** The note every reference carries in the workbook and CLI: these numbers are not the article's. */
export const REFERENCE_NOTE = seed.note;
export const REFERENCE_NOTE_ZH = seed.noteZh;

export function referenceValue(ref: Pick<Reference, 'value'>): number {
  return typeof ref.value === 'string' ? isoToSerial(ref.value) : ref.value;
}
