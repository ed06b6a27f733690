/**
 * Catalogue load time, cold: a fresh process imports the figure, reference and claim catalogues and
 * validates them with zod (first use), as the CLI and the add-in do on start. Then the warm re-parse.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medianMs } from './timing.js';
import type { Report } from './run.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const COLD_SCRIPT = `
const t0 = performance.now();
const figures = await import('./src/model/figures/index.ts');
figures.loadFigures();
const t1 = performance.now();
const claims = await import('./src/model/claims/index.ts');
claims.loadClaims();
const t2 = performance.now();
console.log(JSON.stringify({ figures: t1 - t0, claims: t2 - t1 }));
`;

export async function run(report: Report): Promise<void> {
  const colds: { figures: number; claims: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', COLD_SCRIPT], { cwd: root, encoding: 'utf8' });
    colds.push(JSON.parse(out.trim().split('\n').at(-1)!) as { figures: number; claims: number });
  }
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  report({ name: 'catalogue.load_ms.figures_cold', value: median(colds.map((c) => c.figures)), unit: 'ms' });
  report({ name: 'catalogue.load_ms.claims_cold', value: median(colds.map((c) => c.claims)), unit: 'ms' });

  const { parseFigureCatalogue } = await import('../src/model/figures/index.js');
  const { parseClaimCatalogue } = await import('../src/model/claims/index.js');
  const figuresSeed = (await import('../seeds/figures.json')).default;
  const claimsSeed = (await import('../seeds/claims.json')).default;
  report({ name: 'catalogue.parse_ms.figures_warm', value: await medianMs(() => parseFigureCatalogue(figuresSeed), 21, 3), unit: 'ms' });
  report({ name: 'catalogue.parse_ms.claims_warm', value: await medianMs(() => parseClaimCatalogue(claimsSeed), 21, 3), unit: 'ms' });
}
