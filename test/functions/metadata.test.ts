import { readFileSync } from 'node:fs';
import cfm from 'custom-functions-metadata';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, FUNCTION_NAMES } from '../../src/model/registry/index.js';
import { FUNCTIONS_TS, FUNCTIONS_ZH_JSON, renderFunctionsTs, renderZhJson } from '../../scripts/gen-functions.js';

interface Param {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result?: { type?: string; dimensionality?: string };
}

describe('custom-functions-metadata on src/functions/functions.ts', async () => {
  // The same call the webpack plugin makes to produce functions.json.
  const generated = await cfm.generateCustomFunctionsMetadata(FUNCTIONS_TS);
  const metadata = JSON.parse(generated.metadataJson || '{"functions":[]}') as { functions: Fn[] };
  const byId = new Map(metadata.functions.map((f) => [f.id, f]));

  it('parses without errors and holds exactly the registry functions', () => {
    expect(generated.errors).toEqual([]);
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...FUNCTION_NAMES].sort());
    expect(generated.associate.map((a) => a.id).sort()).toEqual([...FUNCTION_NAMES].sort());
  });

  it.each(FUNCTIONS.map((f) => [f.name, f] as const))('%s: ids, names, parameters, types, optionality, dimensionality', (_n, spec) => {
    const fn = byId.get(spec.name)!;
    expect(fn).toBeDefined();
    // Namespace-free: the manifest supplies CLAIM.
    expect(fn.id).toBe(spec.name);
    expect(fn.name).toBe(spec.name);
    expect(fn.id).not.toContain('.');
    expect(fn.description).toBe(spec.descriptionEn);
    expect(fn.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
    spec.params.forEach((p, k) => {
      const meta = fn.parameters[k]!;
      expect(meta.type, `${spec.name}.${p.name}`).toBe(p.type === 'string' ? 'string' : 'any');
      const matrix = p.type !== 'string' && (spec.elementwise || p.dimensionality === 'matrix');
      expect(meta.dimensionality ?? 'scalar', `${spec.name}.${p.name}`).toBe(matrix ? 'matrix' : 'scalar');
      expect(meta.optional ?? false, `${spec.name}.${p.name}`).toBe(p.optional ?? false);
      expect(meta.description).toContain(p.descriptionEn);
    });
    expect(fn.result?.dimensionality ?? 'scalar').toBe(spec.elementwise ? 'matrix' : 'scalar');
    expect(fn.result?.type ?? 'any').toBe(spec.resultType === 'any' ? 'any' : 'number');
  });

  it('the generated files are current', async () => {
    expect(readFileSync(FUNCTIONS_TS, 'utf8')).toBe(renderFunctionsTs());
    expect(readFileSync(FUNCTIONS_ZH_JSON, 'utf8')).toBe(await renderZhJson());
  });

  it('the zh-CN metadata is functions.json as the build emits it, with only the descriptions in Chinese', () => {
    const withoutText = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(withoutText)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'description').map(([k, v]) => [k, withoutText(v)]))
          : value;
    const zh = JSON.parse(readFileSync(FUNCTIONS_ZH_JSON, 'utf8')) as unknown;
    expect(withoutText(zh)).toEqual(withoutText(JSON.parse(generated.metadataJson)));
  });

  it('the zh-CN localized metadata mirrors functions.json with Chinese descriptions', () => {
    const zh = JSON.parse(readFileSync(FUNCTIONS_ZH_JSON, 'utf8')) as { functions: Fn[] };
    expect(zh.functions.map((f) => [f.id, f.name])).toEqual(metadata.functions.map((f) => [f.id, f.name]));
    for (const fn of zh.functions) {
      const en = byId.get(fn.id)!;
      const spec = FUNCTIONS.find((f) => f.name === fn.id)!;
      expect(fn.description).toBe(spec.descriptionZh);
      expect(fn.result).toEqual(en.result);
      fn.parameters.forEach((p, k) => {
        const enParam = en.parameters[k]!;
        expect({ ...p, description: undefined }).toEqual({ ...enParam, description: undefined });
        expect(p.description).toMatch(/[\u4e00-\u9fff]/);
      });
    }
  });
});
