import { auditAll, auditClaimById, describeMargin, formatValue, VERDICTS, type ClaimAudit } from '../../model/claims/index.js';
import { parseOptions, UsageError, type CliCommand } from '../command.js';
import { renderTable } from '../format/table.js';
import { valuesFromOptions, valuesLine, VALUES_OPTIONS, VALUES_USAGE } from '../values-option.js';

/** The JSON shape the issue promises, margins included. */
function toJson(audit: ClaimAudit): Record<string, unknown> {
  return {
    id: audit.id,
    paragraphs: audit.paragraphs,
    statementEn: audit.statementEn,
    statementZh: audit.statementZh,
    figures: audit.figures,
    references: audit.references,
    formula: audit.formula,
    nativeFormula: audit.nativeFormula,
    unit: audit.unit,
    stated: audit.stated,
    recomputed: audit.recomputed,
    difference: audit.difference,
    tolerance: audit.tolerance,
    verdict: audit.verdict,
    reason: audit.reason,
    reasonZh: audit.reasonZh,
    checks: audit.checks,
    margins: audit.margins,
    ...(audit.needsEn ? { needsEn: audit.needsEn, needsZh: audit.needsZh } : {}),
  };
}

export const claimsCommand: CliCommand = {
  name: 'claims',
  summary: `audit every claim: claims [--json] ${VALUES_USAGE}`,
  async run(args, io) {
    const { positional, flags, values, lists } = parseOptions(args, { flags: ['json'], ...VALUES_OPTIONS });
    if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
    const inUse = await valuesFromOptions(values, lists);
    for (const w of inUse.warnings) io.err(`${w}\n`);
    const audits = auditAll(inUse.values.overrides);
    if (flags.has('json')) {
      io.out(`${JSON.stringify(audits.map(toJson), null, 2)}\n`);
      return 0;
    }
    if (inUse.values.overrides.size || inUse.values.scenario !== 'Article') io.out(`${valuesLine(inUse.values)}\n`);
    for (const verdict of VERDICTS) {
      const group = audits.filter((a) => a.verdict === verdict);
      if (!group.length) continue;
      io.out(`\n${verdict.toUpperCase()} (${group.length})\n`);
      io.out(
        renderTable(
          ['claim', '¶', 'recomputed', 'stated', 'reason'],
          group.map((a) => [a.id, a.paragraphs.join(','), formatValue(a.recomputed, a.unit), formatValue(a.stated, a.unit), a.reason]),
        ),
      );
    }
    const counts = VERDICTS.map((v) => `${audits.filter((a) => a.verdict === v).length} ${v}`).join(', ');
    io.out(`\n${audits.length} claims: ${counts}\n`);
    return 0;
  },
};

export const claimCommand: CliCommand = {
  name: 'claim',
  summary: `the full working of one claim: claim <ID> [--json] ${VALUES_USAGE}`,
  async run(args, io) {
    const { positional, flags, values, lists } = parseOptions(args, { flags: ['json'], ...VALUES_OPTIONS });
    const [id, extra] = positional;
    if (!id) throw new UsageError('needs a claim id, e.g. claim BRICS_OCT_PARTS');
    if (extra) throw new UsageError(`unexpected argument "${extra}"`);
    const inUse = await valuesFromOptions(values, lists);
    for (const w of inUse.warnings) io.err(`${w}\n`);
    const audit = auditClaimById(id, inUse.values.overrides);
    if (!audit) throw new UsageError(`unknown claim id "${id}"; run "claims" for the list`);
    if (flags.has('json')) {
      io.out(`${JSON.stringify(toJson(audit), null, 2)}\n`);
      return 0;
    }
    const lines = [
      `${audit.id}  (paragraph ${audit.paragraphs.join(', ')})`,
      `            ${valuesLine(inUse.values)}`,
      `  ${audit.statementEn}`,
      `  ${audit.statementZh}`,
      `figures     ${audit.figures.join(', ') || '-'}`,
      `references  ${audit.references.join(', ') || '-'}`,
      `CLAIM       ${audit.formula}`,
      `native      ${audit.nativeFormula}`,
      `recomputed  ${formatValue(audit.recomputed, audit.unit)}`,
      ...audit.checks.map(
        (c, i) =>
          `check ${i + 1}     [${c.scope}] ${formatValue(c.value, audit.unit)} ${c.compare} ${formatValue(c.stated, audit.unit)}${
            c.statedHigh !== null ? `–${formatValue(c.statedHigh, audit.unit)}` : ''
          }${c.compare === 'approx' ? ` ±${c.tolerance}` : ''} → ${c.holds === null ? `error: ${c.error}` : c.holds ? 'holds' : `fails (${c.onFail})`}\n            why: ${c.toleranceWhy}`,
      ),
      `verdict     ${audit.verdict}`,
      `reason      ${audit.reason}`,
      `            ${audit.reasonZh}`,
      ...(audit.margins.length ? [`margins     verdict changes when ${audit.margins.map(describeMargin).join('; ')}`] : []),
    ];
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};
