/**
 * Derives the Office requirement sets ClaimCell's code needs from the code itself: every member of the
 * Excel / Office / CustomFunctions API that src/excel, src/functions and src/taskpane touch is looked up
 * in @types/office-js and @types/custom-functions-runtime, whose doc comments name its API set
 * ("[Api set: ExcelApi 1.8]"). The manifest must declare the highest version of each set (a test holds it
 * to that), so Office never loads ClaimCell where a call would fail. A use inside
 * `if (….isSetSupported('ExcelApi', '1.9')) { … }` is optional: it runs only where the host has that
 * version, so it does not raise the manifest's requirement (it is listed, marked `guarded`).
 *
 * Usage: npx tsx scripts/api-sets.ts   (prints each set with the member that needs its version)
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The folders whose code runs inside Office. */
export const OFFICE_CODE_DIRS = ['src/excel', 'src/functions', 'src/taskpane'];
const API_SET = /\[\s*Api set:\s*(\w+)\s+(\d+)\.(\d+)\s*\]/i;

export interface ApiUse {
  readonly set: string;
  readonly version: string;
  /** `Excel.Range.dataValidation` and where it is used (`src/excel/write-sheet.ts:52`). */
  readonly member: string;
  readonly at: string;
  /** True inside an `isSetSupported` guard for this set at this version or higher. */
  readonly guarded?: boolean;
}

/** `isSetSupported('ExcelApi', '1.9')` in an if condition: the set and version it guards. */
const GUARD = /isSetSupported\(\s*['"](\w+)['"]\s*,\s*['"](\d+\.\d+)['"]\s*\)/;

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? listTs(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function apiSetOf(declaration: ts.Declaration): { set: string; version: string } | undefined {
  const source = declaration.getSourceFile();
  if (!/[\\/]@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(source.fileName)) return undefined;
  // The set is named in the declaration's doc comment (for an enum member without one, in the enum's).
  const candidates: ts.Node[] = ts.isEnumMember(declaration) ? [declaration, declaration.parent] : [declaration];
  for (const node of candidates) {
    for (const c of ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? []) {
      const match = API_SET.exec(source.text.slice(c.pos, c.end));
      if (match) return { set: match[1]!, version: `${match[2]}.${match[3]}` };
    }
  }
  return undefined;
}

function qualifiedName(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  return checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, '');
}

/** Every API use with a named set in the Office code. */
export function apiUses(root = ROOT): ApiUse[] {
  const files = OFFICE_CODE_DIRS.flatMap((d) => listTs(path.join(root, d)));
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const guards: { set: string; version: string }[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isIfStatement(node)) {
        const guard = GUARD.exec(node.expression.getText(source));
        visit(node.expression);
        if (guard) guards.push({ set: guard[1]!, version: guard[2]! });
        visit(node.thenStatement);
        if (guard) guards.pop();
        if (node.elseStatement) visit(node.elseStatement);
        return;
      }
      const name = ts.isPropertyAccessExpression(node) ? node.name : ts.isQualifiedName(node) ? node.right : undefined;
      if (name) {
        const symbol = checker.getSymbolAtLocation(name);
        const declaration = symbol?.declarations?.[0];
        const found = declaration ? apiSetOf(declaration) : undefined;
        if (symbol && found) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          const guarded = guards.some((g) => g.set === found.set && compareVersions(g.version, found.version) >= 0);
          uses.push({ ...found, member: qualifiedName(checker, symbol), at: `${path.relative(root, file)}:${line + 1}`, ...(guarded ? { guarded } : {}) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

const compareVersions = (a: string, b: string): number => {
  const [a1, a2] = a.split('.').map(Number) as [number, number];
  const [b1, b2] = b.split('.').map(Number) as [number, number];
  return a1 - b1 || a2 - b2;
};

/** The highest version of each set the code needs (guarded uses left out), with one member that needs it. */
export function requiredSets(uses: readonly ApiUse[] = apiUses()): Map<string, ApiUse> {
  const highest = new Map<string, ApiUse>();
  for (const use of uses) {
    if (use.guarded) continue;
    const seen = highest.get(use.set);
    if (!seen || compareVersions(use.version, seen.version) > 0) highest.set(use.set, use);
  }
  return highest;
}

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) {
  const uses = apiUses();
  for (const [set, use] of [...requiredSets(uses)].sort()) process.stdout.write(`${set} ${use.version}  (${use.member}, ${use.at})\n`);
  const optional = requiredSets(uses.filter((u) => u.guarded).map((u) => ({ ...u, guarded: false })));
  for (const [set, use] of [...optional].sort()) process.stdout.write(`${set} ${use.version} where the host has it, guarded by isSetSupported  (${use.member}, ${use.at})\n`);
}
