/**
 * `stress sipmath export FILE.json` / `stress sipmath import FILE.json`: ClaimCell's inputs as a
 * SIPmath 3.0 library (model/stress/sipmath.ts) and back. Invalid JSON exits 2 naming the field.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { drawnInputs, fromSipmath, SipmathError, toSipmath, type SipmathFit } from '../../model/stress/sipmath.js';
import { hdrIdProblem } from '../../model/stress/hdr.js';
import { fitMetalog3, MetalogFitError } from '../../model/stress/metalog.js';
import { SIM_DEFAULT_SEED } from '../../plan/index.js';
import { UsageError, type CliIo } from '../command.js';
import { ensureFolder, reasonOf, writeFileAtomic } from '../output.js';
import { renderTable } from '../format/table.js';
import { describeDistribution } from '../format/distribution.js';
import { TEXT } from '../../text/index.js';

export const SIPMATH_USAGE = [
  'stress sipmath export FILE.json [--claim ID]… [--seed S] [--quantiles ID=P10,P50,P90]… [--scenario NAME] [--workbook FILE.xlsx] [--set ID=VALUE]…',
  'stress sipmath import FILE.json [--json]',
];

/** `--quantiles` as SIPmath metalog fits (Metalog_1_0, 3 terms, unbounded); an infeasible triplet is refused, naming it. */
function fitsOf(quantiles: Readonly<Record<string, readonly [number, number, number]>>): Map<string, SipmathFit> {
  const fits = new Map<string, SipmathFit>();
  for (const [id, [p10, p50, p90]] of Object.entries(quantiles)) {
    try {
      fits.set(id, { aCoefficients: [...fitMetalog3([{ p: 0.1, q: p10 }, { p: 0.5, q: p50 }, { p: 0.9, q: p90 }])] });
    } catch (error) {
      if (error instanceof MetalogFitError) throw new UsageError(`--quantiles ${id}=${p10},${p50},${p90}: ${error.message}`);
      throw error;
    }
  }
  return fits;
}

export function sipmathExport(
  io: CliIo,
  file: string,
  options: { claims: readonly string[]; seed: string | undefined; overrides: ReadonlyMap<string, number> | undefined; label: string; quantiles?: Readonly<Record<string, readonly [number, number, number]>> },
): 0 {
  const seed = options.seed === undefined ? SIM_DEFAULT_SEED : Number(options.seed);
  const problem = hdrIdProblem(seed);
  if (problem || !/^\d+$/.test(options.seed ?? '1')) throw new UsageError(`--seed ${problem ?? `must be a whole number from 0 to 9999999, got "${options.seed}"`}`);
  const fits = fitsOf(options.quantiles ?? {});
  const inputs = drawnInputs(options.claims.length ? options.claims : undefined, options.overrides, (id) => fits.get(id));
  const unused = [...fits.keys()].filter((id) => !inputs.some((i) => i.id === id));
  if (unused.length) throw new UsageError(`--quantiles ${unused.join(', ')}: not an input of the exported claims`);
  const library = toSipmath(inputs, seed, `ClaimCell; ${options.label}`, new Date().toISOString().slice(0, 10));
  const path = resolve(file);
  ensureFolder(dirname(path), path);
  writeFileAtomic(path, `${JSON.stringify(library, null, 2)}\n`);
  io.out(`${path}\n${TEXT[io.lang ?? 'en'].cliOutput.stress.sipmath.exported(inputs.length, seed, options.label)}\n`);
  return 0;
}

export function sipmathImport(io: CliIo, file: string, asJson: boolean): 0 {
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${resolve(file)}: ${reasonOf(error, resolve(file))}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not JSON (${(error as Error).message})`);
  }
  let inputs;
  try {
    inputs = fromSipmath(json);
  } catch (error) {
    if (error instanceof SipmathError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
  if (asJson) {
    io.out(`${JSON.stringify(inputs, null, 2)}\n`);
    return 0;
  }
  const t = TEXT[io.lang ?? 'en'].cliOutput.stress;
  io.out(`${t.sipmath.imported(file, inputs.length)}\n\n`);
  io.out(
    renderTable(
      [...t.sipmath.columns],
      inputs.map((i) => [i.id, describeDistribution(i.distribution, t), `${i.seeds.entity} / ${i.seeds.varId} / ${i.seeds.seed3} / ${i.seeds.seed4}`]),
    ),
  );
  return 0;
}
