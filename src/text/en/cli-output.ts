import type { CliOutputText } from '../types/cli-output.js';

/** One word for a warning, for every warning the CLI prints. */
const warning = (text: string): string => `warning: ${text}`;

export const cliOutput: CliOutputText = {
  field: (label, value) => `${label.padEnd(11)} ${value}`,
  noValue: 'n/a',
  warning,
  values: {
    article: 'values: Article',
    scenario: (name, edited) => `values: scenario "${name}"${edited ? `, ${edited} figure${edited === 1 ? '' : 's'} edited` : ''}`,
    edited: (n, ids) => `values: ${n} figure${n === 1 ? '' : 's'} edited (${ids})`,
    unknownScenarioCell: (file, name) => `${file}: the active-scenario cell holds "${name}", which is no scenario; its figures are at their base values`,
  },
  figure: {
    labels: { id: 'id', value: 'value', kind: 'kind', period: 'period', paragraph: 'paragraph', asWritten: 'as written', label: 'label (en)', note: 'note', range: 'range' },
    kinds: { level: 'level', change: 'change', rate: 'rate', share: 'share', count: 'count', duration: 'duration', date: 'date', target: 'target', threshold: 'threshold' },
    range: (role, pair) => `${role} end; other end ${pair}`,
    otherLabel: 'label (zh)',
    showsOtherLabel: true,
  },
  claim: {
    paragraph: (list) => `(paragraph ${list})`,
    figures: 'figures',
    references: 'references',
    recomputed: 'recomputed',
    article: 'article',
    check: (n) => `check ${n}`,
    holds: 'holds',
    doesNotMatch: 'does not match',
    fails: (verdict) => `fails (${verdict})`,
    error: (message) => `error: ${message}`,
    explainsOnly: ' [explains only]',
    decided: ' [decided the verdict]',
    why: 'why:',
    verdict: 'verdict',
    reason: 'reason',
    margins: 'margins',
    listJoin: '; ',
  },
  stress: {
    tornadoHead: (claim, pct, base, values) => `${claim}: tornado (±${pct}% unless a range is stated); base output ${base}; ${values}`,
    tornadoColumns: ['input', 'low', 'high', 'output at low', 'output at high', 'swing', 'verdict low/high'],
    holds: 'holds',
    fails: 'fails',
    twoWayHead: (claim, rows, columns, values) => `${claim}: rows ${rows}, columns ${columns}; ${values}`,
    ok: ' ok',
    no: ' no',
    breakEvenHead: (claim, input, target, values) => `${claim}: break-even of ${input} (${target === null ? 'where the verdict flips' : `target ${target}`}); ${values}`,
    value: 'value',
    all: 'all',
    searched: 'searched',
    engine: 'engine',
    monteCarloHead: (claim, samples, seed) => `${claim}: Monte Carlo, ${samples} samples, seed ${seed}`,
    inputColumns: ['input', 'base', 'distribution', 'rule'],
    roundingUnit: (unit) => ` (unit ${unit})`,
    rules: { 'stated-range': 'stated-range', exact: 'exact', rounding: 'rounding', pct: 'pct', quantiles: 'quantiles' },
    distributions: { normal: 'normal', lognormal: 'lognormal', uniform: 'uniform', triangular: 'triangular', pert: 'pert', constant: 'constant', metalog: 'metalog (3 terms)' },
    parameters: { type: 'type', mean: 'mean', sd: 'sd', mu: 'mu', sigma: 'sigma', lo: 'lo', hi: 'hi', mode: 'mode', lambda: 'lambda', value: 'value', a: 'a' },
    statColumns: ['statistic', 'value'],
    baseOutput: 'base output',
    mean: 'mean',
    sd: 'sd',
    percentiles: 'p5 / p50 / p95',
    pHolds: 'P(holds)',
    noVerdict: 'no verdict',
    notANumber: 'not a number',
    took: (ms, workers) => `Monte Carlo took ${ms} ms on ${workers} worker${workers === 1 ? '' : 's'}.`,
    breakEvenOutcome: (o, fmt) => {
      const where = 'from' in o ? `${o.input} in [${fmt(o.from)}, ${fmt(o.to)}]` : '';
      switch (o.code) {
        case 'flips':
          return `claim ${o.holdsBelow ? 'holds' : 'fails'} below and ${o.holdsBelow ? 'fails' : 'holds'} above ${o.input} ≈ ${fmt(o.at)}`;
        case 'reaches':
          return `output reaches ${fmt(o.target)} at ${o.input} ${o.exact ? '=' : '≈'} ${fmt(o.at)}`;
        case 'notFinite':
          return `output is not a finite number anywhere in ${where}; no break-even`;
        case 'neverFlips':
          return `claim ${o.holds ? 'holds' : 'fails'} throughout ${where} (output between ${fmt(o.min)} and ${fmt(o.max)}); it never flips`;
        case 'notReached':
          return `output stays between ${fmt(o.min)} and ${fmt(o.max)} for ${where}; target ${fmt(o.target)} not reached`;
        case 'jump':
          return `output jumps across ${fmt(o.target)} near ${o.input} ≈ ${fmt(o.near)} (a discontinuity, e.g. a division by zero) without reaching it; no break-even in ${where}`;
      }
    },
    stoppedBy: 'stopped by',
    stoppedHow: { converged: 'converged', cap: 'cap', cancelled: 'cancelled' },
    stoppedDetail: (how, drawn, stages) => `${how}; ${drawn} samples drawn over stages ${stages}`,
    scenarioCorrelations: (scenario) => `Correlations of scenario "${scenario}" (--corr replaces them):`,
    noScenarioCorrelations: (scenario) => `No correlations stated for scenario "${scenario}": its inputs are drawn independently (--corr sets pairs).`,
    correlatedOneThread: (workers) => `--workers ${workers}: a correlated run reorders whole input columns, so it runs on one thread`,
    quantilesRefused: (what) => `quantiles refused: ${what}`,
    drivers: {
      head: (claim, samples, seed, values) => `${claim}: what drives a flip, over the first ${samples} trials, seed ${seed}; ${values}`,
      failing: (count) => `failing trials: ${count === null ? 'no verdict' : count}`,
      columns: ['input', 'rank corr', 'median', 'median failing', 'z (sd)', 'significant'],
      yes: 'yes',
      no: 'no',
    },
    probabilityBreakEven: {
      head: (claim, probability, input, samples, seed, values) => `${claim}: where P(holds) reaches ${probability} as ${input} moves (${samples} common trials, seed ${seed}); ${values}`,
      value: 'value',
      bracket: 'bracket',
      searched: 'searched',
    },
    probabilityTable: {
      head: (claim, rows, columns, samples, seed, values) => `${claim}: P(holds), rows ${rows}, columns ${columns} (${samples} common trials, seed ${seed}); ${values}`,
    },
    sipmath: {
      exported: (inputs, seed, values) => `  SIPmath 3.0 library: ${inputs} inputs, HDR_2_0 seeds (entity 1, seed3 ${seed}); ${values}`,
      imported: (file, inputs) => `${file}: ${inputs} inputs`,
      columns: ['input', 'distribution', 'HDR entity / varId / seed3 / seed4'],
    },
  },
  scenarios: {
    columns: ['scenario', 'overrides', 'verdicts changed', 'description'],
    baseline: 'Article',
    baselineDescription: "The article's stated values (baseline, not editable)",
    exported: (count, file) => `wrote ${count} scenarios to ${file}`,
    valid: (file, count, names) => `${file}: valid, ${count} scenario(s): ${names}`,
  },
  workbook: {
    written: (sheets, names, active, lang, kb, ms) => `  ${sheets} sheets, ${names} names, active scenario "${active}", ${lang}, ${kb} KB in ${ms} ms`,
    simulation: (trials, seed) => `  Simulation sheet: ${trials} trials, seed ${seed} (SIM_TRIALS, SIM_SEED)`,
    stress: (claim, samples, seed) => `  Stress sheet: ${claim}, ${samples} samples, seed ${seed}, 2 native charts`,
  },
  exercise: {
    columns: ['task', 'kind', 'level', 'claim', 'input', 'unit', 'rounding'],
    written: (count, folder, ms, sheets, command) => `wrote ${count} workbook(s) to ${folder} in ${ms} ms (${sheets}; no answers inside). Keep the seed: grade with\n  ${command}`,
    shortSeed: (minimum) => `the seed is shorter than ${minimum} characters; a student could find it by trying seeds against their figures. Use a long random seed.`,
  },
  grade: {
    student: (student, file, total, max, edited) => `${student} (${file}): ${total} / ${max}${edited ? `  EDITED FIGURES: ${edited}` : ''}`,
    columns: ['task', 'claim', 'expected', 'given', '±', 'credit', 'note'],
    summary: (graded, files, failed, ms) => `graded ${graded} of ${files} file(s)${failed ? `, ${failed} could not be graded` : ''} in ${ms} ms`,
    gradebook: (file) => `gradebook written to ${file}`,
    sameStudent: (count, student, files) => `${count} files belong to student ${student}: ${files} (a copied file?)`,
  },
  myclaims: {
    exported: (file, figures, claims, workbook) => `${file}: ${figures} figures, ${claims} claims from ${workbook}`,
    imported: (workbook, figures, claims, file) => `${workbook}: ${figures} figures, ${claims} claims imported from ${file}`,
    notImported: (file, workbook) => `${file} was not imported; ${workbook} is unchanged:`,
    leftOut: (problem) => warning(`left out: ${problem}`),
    heading: (count) => `YOUR CLAIMS (${count}, from MyClaims)`,
    columns: ['claim', 'value', 'verdict', 'reason'],
    notAudited: 'not audited',
    rowsLeftOut: 'rows left out:',
    total: (count, byVerdict) => `${count} of your claims: ${byVerdict}`,
  },
};
