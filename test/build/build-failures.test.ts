/**
 * The build must fail loudly: TypeScript errors, custom-function metadata errors, GPL code
 * reaching the bundle, and a non-https production origin each make `webpack` exit non-zero
 * with a message naming the problem. Each case builds a small throw-away functions file.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = path.join(root, 'test-artifacts', 'build-failures');

function build(functionsSource: string | undefined, name: string, origin = 'https://claimcell.test.invalid/'): Promise<{ code: number; log: string }> {
  mkdirSync(work, { recursive: true });
  const args = [path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--env', `outDir=${path.join(work, `out-${name}`)}`];
  if (functionsSource !== undefined) {
    const file = path.join(work, `${name}.ts`);
    writeFileSync(file, functionsSource);
    args.push('--env', `functions=./${path.relative(root, file)}`);
  }
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, env: { ...process.env, CLAIMCELL_ORIGIN: origin }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, log: stdout + stderr });
    });
  });
}

describe('build failure modes', () => {
  it('fails on a TypeScript type error', async () => {
    const r = await build(
      `/**\n * @customfunction\n * @param x a number\n */\nexport function BAD_TYPES(x: number): number {\n  const s: string = x;\n  return s.length;\n}\n`,
      'ts-error',
    );
    expect(r.code).not.toBe(0);
    expect(r.log).toMatch(/TS2322|Type 'number' is not assignable to type 'string'/);
  }, 120_000);

  it('fails on a custom-function metadata error', async () => {
    const r = await build(
      `/**\n * @customfunction\n * @param x a map\n */\nexport function BAD_META(x: Map<string, number>): number {\n  return x.size;\n}\n`,
      'metadata-error',
    );
    expect(r.code).not.toBe(0);
    expect(r.log).toMatch(/does not support type "Map"/);
  }, 120_000);

  it('fails when GPL code (hyperformula) is bundled', async () => {
    const r = await build(
      `import { HyperFormula } from 'hyperformula';\n/**\n * @customfunction\n * @returns a version\n */\nexport function HF_VERSION(): string {\n  return String(HyperFormula.version);\n}\n`,
      'gpl',
    );
    expect(r.code).not.toBe(0);
    expect(r.log).toMatch(/LicenceGuard: GPL package "hyperformula" is bundled/);
  }, 180_000);

  it('fails with a clear message when the production origin is not https', async () => {
    const r = await build(undefined, 'http-origin', 'http://claimcell.test.invalid/');
    expect(r.code).not.toBe(0);
    expect(r.log).toMatch(/production origin "http:\/\/claimcell\.test\.invalid\/" must use https/);
  }, 120_000);
});
