/**
 * One Chinese word per idea: a claim is 论断 everywhere (the pane's section, the Claims sheet, the
 * function metadata), so no Chinese text in the sources may call it 结论 ("conclusion").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|json)$/.test(name) ? [full] : [];
  });
}

describe('Chinese terms', () => {
  it('a claim is 论断, never 结论, in every source and seed', () => {
    const found = [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'seeds'))]
      .filter((file) => readFileSync(file, 'utf8').includes('结论'))
      .map((file) => path.relative(ROOT, file));
    expect(found).toEqual([]);
  });
});
