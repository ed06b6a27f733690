/**
 * `npm run bench`: runs every bench/*.bench.ts and prints one JSON object per line:
 * {"name": …, "value": …, "unit": …}. A benchmark, not a test: it asserts nothing, it measures.
 * Compare ratios measured in the same run; absolute times move with the machine's load.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchLine {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}
export type Report = (line: BenchLine) => void;

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.startsWith(only))
  .sort();

const report: Report = (line) => {
  process.stdout.write(`${JSON.stringify({ name: line.name, value: Number(line.value.toPrecision(6)), unit: line.unit })}\n`);
};

for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: (r: Report) => Promise<void> | void };
  await mod.run(report);
}
