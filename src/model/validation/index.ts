import type * as z from './zod.js';

/** Thrown when seed or import data fails validation; lists every problem, not just the first. */
export class DataValidationError extends Error {
  override readonly name = 'DataValidationError';
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Where an issue sits, naming each record by its `id` when it has one: `figures[4] (CN_UST_HOLDINGS).unit`. */
export function issueLabel(path: readonly PropertyKey[], root: unknown): string {
  let label = '';
  let node: unknown = root;
  for (const key of path) {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const id = node && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      label += `[${key}]${typeof id === 'string' ? ` (${id})` : ''}`;
    } else {
      label += label ? `.${String(key)}` : String(key);
    }
  }
  return label || '(root)';
}

/**
 * Formats zod issues so each names the record (by its `id` when it has one) and the field:
 * `figures[4] (CN_UST_HOLDINGS).unit: Invalid option …`.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root: unknown): string[] {
  return issues.map((issue) => `${issueLabel(issue.path, root)}: ${issue.message}`);
}

/** Parses `data` with `schema`, or throws a DataValidationError naming every bad record and field. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, data: unknown, source: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new DataValidationError(source, describeIssues(result.error.issues, data));
  return result.data;
}
