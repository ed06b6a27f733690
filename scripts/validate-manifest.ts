/**
 * `npm run validate [-- path/to/manifest.xml]`: offline structural check of the add-in manifest.
 * (`office-addin-manifest validate` calls Microsoft's online service; this works without it.)
 * Prints OK, or one line per problem and exits 1.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblems, validateManifest } from '../src/manifest/validate.js';

const file = resolve(process.argv[2] ?? 'manifest.xml');
let xml: string;
try {
  xml = readFileSync(file, 'utf8');
} catch (err) {
  console.error(`validate-manifest: cannot read ${file}: ${(err as Error).message}`);
  process.exit(1);
}
const report = validateManifest(xml);
if (report.ok) {
  console.log(`OK ${file}`);
} else {
  console.error(`${file}: ${report.problems.length} problem(s)`);
  console.error(formatProblems(report.problems));
  process.exit(1);
}
