import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './paths.js';

/** Every .ts file under a folder of src/, with its import specifiers. */
function sources(folder: string): { file: string; text: string; imports: string[]; dynamics: string[] }[] {
  const dir = join(ROOT, 'src', folder);
  const out: { file: string; text: string; imports: string[]; dynamics: string[] }[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        const statics = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
        // import('x') and import(/* webpackChunkName: "x" */ 'x')
        const dynamics = [...text.matchAll(/import\(\s*(?:\/\*[\s\S]*?\*\/\s*)?['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
        out.push({ file: relative(ROOT, path), text, imports: [...statics, ...dynamics], dynamics });
      }
    }
  };
  walk(dir);
  return out;
}

/** The one allowed way from the task pane to the .xlsx writer: a dynamic import (its own chunk). */
const LAZY_XLSX = /^src\/taskpane\/sections\/exercises\.ts imports \.\.\/\.\.\/export\/xlsx\.js$/;

const offenders = (folder: string, bad: (spec: string) => boolean): string[] =>
  sources(folder).flatMap((s) => s.imports.filter(bad).map((spec) => `${s.file} imports ${spec}`));

describe('architecture boundaries', () => {
  it('keeps src/model pure: no Office, no Node, no UI, no test hosts', () => {
    expect(offenders('model', (s) => /\/(excel|taskpane|simhost|cli|preview|export)\//.test(s) || /^(node:|hyperformula|exceljs|fs|path)/.test(s))).toEqual([]);
    const officeUse = sources('model').filter((s) => /\b(Excel|Office|CustomFunctions)\.\w/.test(s.text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')));
    expect(officeUse.map((s) => s.file)).toEqual([]);
  });

  it('keeps the string catalogue (src/text) pure data: no Office, no Node, and only type imports from other folders', () => {
    expect(offenders('text', (s) => /\/(excel|taskpane|simhost|cli|preview|export|plan)\//.test(s) || /^(node:|hyperformula|exceljs)/.test(s))).toEqual([]);
    const valueImports = sources('text').flatMap((s) => [...s.text.matchAll(/(?:^|\n)import\s+(?!type\b)[^'"]*?from\s+['"](\.\.\/\.\.\/[^'"]+)['"]/g)].map((m) => `${s.file} imports ${m[1]}`));
    expect(valueImports).toEqual([]);
  });

  it('keeps src/plan pure: it describes a workbook, it does not touch one', () => {
    expect(offenders('plan', (s) => /\/(excel|taskpane|simhost|cli|preview|export)\//.test(s) || /^(node:|hyperformula|exceljs)/.test(s))).toEqual([]);
  });

  it('keeps GPL and Node-only code out of everything that ships in the add-in bundles', () => {
    for (const folder of ['excel', 'functions', 'taskpane']) {
      expect(offenders(folder, (s) => /simhost|hyperformula|exceljs|^node:|\/export\/|\/cli\//.test(s)).filter((o) => !LAZY_XLSX.test(o)), folder).toEqual([]);
    }
  });

  it('lets the task pane load the .xlsx writer (ExcelJS, MIT, browser build) only lazily, for exercises', () => {
    const lazy = sources('taskpane').flatMap((s) => s.dynamics.filter((d) => d.endsWith('/export/xlsx.js')).map((d) => `${s.file} imports ${d}`));
    expect(lazy).toEqual(['src/taskpane/sections/exercises.ts imports ../../export/xlsx.js']);
    const eager = sources('taskpane').flatMap((s) => s.imports.filter((i) => /\/export\//.test(i) && !s.dynamics.includes(i)));
    expect(eager).toEqual([]);
  });

  it('lets only src/excel, the task pane, the function wrappers and the preview shim call Office.js', () => {
    const allowed = /^src\/(excel|taskpane|functions|preview|simhost)\//;
    const code = (text: string): string => text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
    const users = ['model', 'plan', 'cli'].flatMap((f) => sources(f)).filter((s) => /\bExcel\.run\b|\bcontext\.sync\(/.test(code(s.text)));
    expect(users.map((s) => s.file).filter((f) => !allowed.test(f))).toEqual([]);
  });

  it('keeps src/model in one-way layers: no import cycle among its files (type imports included)', () => {
    const files = sources('model');
    const known = new Set(files.map((f) => f.file));
    const edges = new Map(
      files.map((f) => [
        f.file,
        f.imports
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => relative(ROOT, resolve(ROOT, dirname(f.file), spec)).replace(/\.js$/, '.ts'))
          .filter((target) => known.has(target)),
      ]),
    );
    expect(cyclesOf(edges)).toEqual([]);
  });

  it('finds a cycle when there is one (the check above can fail)', () => {
    const edges = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(cyclesOf(edges)).toEqual([['a', 'b', 'c']]);
  });
});

/** Strongly connected components of more than one file (or a file importing itself), sorted: Tarjan's algorithm. */
function cyclesOf(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
