import { auditAll, auditClaimById, describeMarginIn, formatValue, VERDICTS, type ClaimAudit } from '../../model/claims/index.js';
import { serialToIso } from '../../model/units/index.js';
import { parseOptions, UsageError, type CliCommand } from '../command.js';
import { renderTable } from '../format/table.js';
import { CLI_TEXT } from '../text.js';
import { TEXT } from '../../text/index.js';
import { auditWorkbookUserClaims, userClaimsText } from './myclaims.js';
import { userProblemText } from '../../text/messages.js';
import { valuesFromOptions, valuesLine, VALUES_OPTIONS, VALUES_USAGE } from '../values-option.js';

/** The JSON shape the issue promises, margins included; dates as ISO strings, never serials. */
function toJson(audit: ClaimAudit): Record<string, unknown> {
  const v = (x: number | null): number | string | null => (x !== null && audit.unit === 'date' ? serialToIso(x) : x);
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
    stated: v(audit.stated),
    recomputed: v(audit.recomputed),
    bound: v(audit.bound),
    boundHigh: v(audit.boundHigh),
    decidedBy: audit.decidedBy,
    difference: audit.difference,
    tolerance: audit.tolerance,
    differenceUnit: audit.differenceUnit,
    verdict: audit.verdict,
    reason: audit.reason,
    reasonZh: audit.reasonZh,
    reasonData: audit.reasonData,
    checks: audit.checks.map((c) => ({ ...c, value: v(c.value), stated: v(c.stated), statedHigh: v(c.statedHigh) })),
    margins: audit.margins,
    ...(audit.needsEn ? { needsEn: audit.needsEn, needsZh: audit.needsZh } : {}),
  };
}

export const claimsCommand: CliCommand = {
  name: 'claims',
  summary: `audit every claim: claims [--json] ${VALUES_USAGE}`,
  usage: [`claims [--json] ${VALUES_USAGE}`],
  async run(args, io) {
    const { positional, flags, values, lists } = parseOptions(args, { flags: ['json'], ...VALUES_OPTIONS });
    if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
    const inUse = await valuesFromOptions(values, lists, io.lang ?? 'en');
    for (const w of inUse.warnings) io.err(`${w}\n`);
    const audits = auditAll(inUse.values.overrides);
    const mine = inUse.user ? auditWorkbookUserClaims(inUse.user, inUse.values.overrides) : [];
    if (flags.has('json')) {
      const own = mine.map((r) => (r.audit ? { ...toJson(r.audit), owner: 'user' } : { id: r.id, owner: 'user', statement: r.statement, verdict: null, problems: r.problems.map((p) => userProblemText(p, 'en')), problemData: r.problems }));
      io.out(`${JSON.stringify([...audits.map(toJson), ...own], null, 2)}\n`);
      return 0;
    }
    if (inUse.values.overrides.size || inUse.values.scenario !== 'Article') io.out(`${valuesLine(inUse.values, io.lang ?? 'en')}\n`);
    const lang = io.lang ?? 'en';
    const verdictWord = (v: string): string => (TEXT[lang].verdicts as Record<string, string>)[v] ?? v;
    const shown = (v: number | null, unit: ClaimAudit['unit']): string => (v === null || !Number.isFinite(v) ? TEXT[lang].cliOutput.noValue : formatValue(v, unit));
    for (const verdict of VERDICTS) {
      const group = audits.filter((a) => a.verdict === verdict);
      if (!group.length) continue;
      io.out(`\n${lang === 'zh' ? verdictWord(verdict) : verdict.toUpperCase()} (${group.length})\n`);
      io.out(
        renderTable(
          [...CLI_TEXT[lang].claimsColumns],
          group.map((a) => [
            a.id,
            a.paragraphs.join(','),
            shown(a.recomputed, a.unit),
            shown(a.stated, a.unit),
            a.bound === null ? '' : shown(a.bound, a.unit),
            lang === 'zh' ? a.reasonZh : a.reason,
          ]),
        ),
      );
    }
    const counts = VERDICTS.map((v) => `${audits.filter((a) => a.verdict === v).length} ${verdictWord(v)}`).join(lang === 'zh' ? '，' : ', ');
    io.out(`\n${CLI_TEXT[lang].claimsTotal(audits.length, counts)}\n`);
    if (inUse.user) io.out(userClaimsText(inUse.user, mine, lang));
    return 0;
  },
};

export const claimCommand: CliCommand = {
  name: 'claim',
  summary: `the full working of one claim: claim <ID> [--json] ${VALUES_USAGE}`,
  usage: [`claim <ID> [--json] ${VALUES_USAGE}`],
  async run(args, io) {
    const { positional, flags, values, lists } = parseOptions(args, { flags: ['json'], ...VALUES_OPTIONS });
    const [id, extra] = positional;
    if (!id) throw new UsageError('needs a claim id, e.g. claim BRICS_OCT_PARTS');
    if (extra) throw new UsageError(`unexpected argument "${extra}"`);
    const inUse = await valuesFromOptions(values, lists, io.lang ?? 'en');
    for (const w of inUse.warnings) io.err(`${w}\n`);
    const audit = auditClaimById(id, inUse.values.overrides);
    if (!audit) throw new UsageError(`unknown claim id "${id}"; run "claims" for the list`);
    if (flags.has('json')) {
      io.out(`${JSON.stringify(toJson(audit), null, 2)}\n`);
      return 0;
    }
    const lang = io.lang ?? 'en';
    const zh = lang === 'zh';
    const t = TEXT[lang].cliOutput.claim;
    const field = TEXT[lang].cliOutput.field;
    const word = (v: string): string => (TEXT[lang].verdicts as Record<string, string>)[v] ?? v;
    const lines = [
      `${audit.id}  ${t.paragraph(audit.paragraphs.join(', '))}`,
      `            ${valuesLine(inUse.values, lang)}`,
      `  ${zh ? audit.statementZh : audit.statementEn}`,
      field(t.figures, audit.figures.join(', ') || '-'),
      field(t.references, audit.references.join(', ') || '-'),
      field('CLAIM', audit.formula),
      field(zh ? '原生公式' : 'native', audit.nativeFormula),
      field(audit.echoesFigure ? t.article : t.recomputed, formatValue(audit.recomputed, audit.unit)),
      ...audit.checks.map((c, i) =>
        field(
          t.check(i + 1),
          `[${c.scope}] ${formatValue(c.value, audit.unit)} ${c.compare} ${formatValue(c.stated, audit.unit)}${c.statedHigh !== null ? `–${formatValue(c.statedHigh, audit.unit)}` : ''}${
            c.compare === 'approx' ? ` ±${formatValue(c.tolerance, audit.unit === 'date' ? 'days' : audit.unit)}` : ''
          } → ${c.holds === null ? t.error(c.error ?? '') : c.holds ? t.holds : c.role === 'explains' ? t.doesNotMatch : t.fails(word(c.onFail))}${c.role === 'explains' ? t.explainsOnly : ''}${
            audit.decidedBy === i ? t.decided : ''
          }\n            ${t.why} ${zh ? c.toleranceWhyZh : c.toleranceWhy}`,
        ),
      ),
      field(t.verdict, word(audit.verdict)),
      field(t.reason, zh ? audit.reasonZh : audit.reason),
      ...(audit.margins.length ? [field(t.margins, audit.margins.map((m) => describeMarginIn(m, lang)).join(t.listJoin))] : []),
    ];
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};
