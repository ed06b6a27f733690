import { auditAll } from '../src/model/claims/index.js';
import type { Report } from './run.js';
import { medianMs } from './timing.js';

/** The claims audit of every claim, with and without the margin search (the Claims sheet and the task pane pay for both). */
export async function run(report: Report): Promise<void> {
  report({ name: 'claims.audit_ms.all_with_margins', value: await medianMs(() => auditAll(), 7, 1), unit: 'ms' });
  report({ name: 'claims.audit_ms.all_without_margins', value: await medianMs(() => auditAll(undefined, { margins: false }), 21, 3), unit: 'ms' });
}
