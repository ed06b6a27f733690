/**
 * The Stress section's controls beyond a fixed Monte Carlo run (issue 21): stop on precision,
 * correlations between inputs, inputs by quantiles, what drives a flip, and the probabilistic
 * break-even. Mounted by sections/stress.ts, which asks it for the run options and for the last
 * drivers run to write to the Stress sheet. Pure model calls on the main thread: drivers and the
 * break-even use a fixed, bounded number of trials (65 536 and 20 000).
 */
import { driversForClaim, type ClaimDrivers } from '../../model/stress/claim-drivers.js';
import { probabilityBreakEvenForClaim } from '../../model/stress/claim-pbreakeven.js';
import { precisionOf } from '../../model/stress/claim-precision.js';
import { stressModelFor, type ValuesOption } from '../../model/stress/claims.js';
import type { ClaimMonteCarlo } from '../../model/stress/claim-montecarlo.js';
import { formatProbability } from '../../model/stress/claim-reading.js';
import { formatHalfWidth, type ConvergenceTarget } from '../../model/stress/convergence.js';
import type { CorrelationSpec } from '../../model/stress/correlation.js';
import { scenarioPairsFor, scenarioWithoutCorrelations } from '../../model/stress/scenario-correlation.js';
import { parseCorrelationPair, userCorrelation } from '../../model/stress/user-correlation.js';
import { scenarioDisplayName } from '../../model/scenarios/index.js';
import { button, h, select } from '../dom.js';
import { STRESS_EXPLAIN_STRINGS } from '../i18n.js';
import type { SectionContext, SectionMessage } from './context.js';

/** Most samples a run that stops on precision may reach in the pane. */
const PANE_MAX_CAP = 10_000_000;

/** Options of the next run, read from the controls; `error` is a message for the status line (re-rendered on a language switch). */
export type ExplainOptions =
  | { readonly error: SectionMessage; readonly focus: HTMLElement }
  | {
      readonly error?: undefined;
      readonly target?: ConvergenceTarget;
      readonly correlation?: CorrelationSpec;
      readonly correlationNote?: string;
      readonly quantiles?: Record<string, readonly [number, number, number]>;
    };

export interface StressExplainPanel {
  readonly element: HTMLElement;
  /** The run options, validated; an invalid field gives an error to show (nothing runs). */
  options(): ExplainOptions;
  /** "P(holds) 87% (±0.4 pp, 95% confidence)" for a run, or '' without a verdict. */
  holdsLine(run: ClaimMonteCarlo): string;
  /** The last drivers run, when it was made for this claim at the values in use. */
  lastDrivers(claimId: string): ClaimDrivers | undefined;
  /** Language or claim changed: relabel and refill the input picker. */
  render(): void;
  /** The values in use changed: results made at the old ones are dropped. */
  reset(): void;
}

/**
 * `values`: the values in use and the user's claims (as the section computes everything at them);
 * `valuesKey`: a key that changes when either does (a drivers run is kept only while it matches).
 */
export function mountStressExplain(
  ctx: SectionContext,
  claimId: () => string,
  seed: () => number | string | undefined,
  values: () => ValuesOption,
  valuesKey: () => string,
): StressExplainPanel {
  const s = () => STRESS_EXPLAIN_STRINGS[ctx.lang()];
  let drivers: { run: ClaimDrivers; key: string } | undefined;

  const heading = h('h3', { class: 'hint', id: 'stress-options-heading' });
  const convergeBox = h('input', { id: 'stress-converge', type: 'checkbox' });
  const convergeLabel = h('label', { for: 'stress-converge', class: 'field field--inline' }, convergeBox, h('span'));
  const precisionInput = h('input', { id: 'stress-precision', class: 'input input--value', type: 'number', min: '0.01', max: '49', step: '0.01', value: '0.5', inputmode: 'decimal' });
  const precisionLabel = h('label', { class: 'field', for: 'stress-precision' }, h('span'), precisionInput);
  const capInput = h('input', { id: 'stress-max-samples', class: 'input input--value', type: 'number', min: '1', step: '1', value: '1000000', inputmode: 'numeric' });
  const capLabel = h('label', { class: 'field', for: 'stress-max-samples' }, h('span'), capInput);
  const corrInput = h('textarea', { id: 'stress-corr', class: 'input', rows: '2', spellcheck: 'false', 'aria-describedby': 'stress-corr-hint' });
  const corrLabel = h('label', { class: 'field', for: 'stress-corr' }, h('span'), corrInput);
  const corrHint = h('p', { class: 'hint', id: 'stress-corr-hint' });
  const corrNote = h('pre', { class: 'hint', id: 'stress-corr-note', 'aria-live': 'polite' });
  const quantInput = h('textarea', { id: 'stress-quantiles', class: 'input', rows: '2', spellcheck: 'false', 'aria-describedby': 'stress-quantiles-hint' });
  const quantLabel = h('label', { class: 'field', for: 'stress-quantiles' }, h('span'), quantInput);
  const quantHint = h('p', { class: 'hint', id: 'stress-quantiles-hint' });

  const driversHeading = h('h3', { class: 'hint', id: 'stress-drivers-heading' });
  const driversButton = button('', { id: 'stress-drivers-run', class: 'button button--small' }, () => runDrivers());
  const driversBox = h('div', { id: 'stress-drivers', 'aria-live': 'polite' });

  const beHeading = h('h3', { class: 'hint', id: 'stress-pbe-heading' });
  const beInput = select('stress-pbe-input', []);
  beInput.classList.add('input');
  const beInputLabel = h('label', { class: 'field', for: 'stress-pbe-input' }, h('span'), beInput);
  const beProbability = h('input', { id: 'stress-pbe-probability', class: 'input input--value', type: 'number', min: '1', max: '99', step: '1', value: '50', inputmode: 'decimal' });
  const beProbabilityLabel = h('label', { class: 'field', for: 'stress-pbe-probability' }, h('span'), beProbability);
  const beButton = button('', { id: 'stress-pbe-run', class: 'button button--small' }, () => runBreakEven());
  const beReading = h('p', { id: 'stress-pbe-reading', 'aria-live': 'polite' });

  const element = h(
    'div',
    { id: 'stress-explain' },
    heading,
    convergeLabel,
    h('div', { class: 'row row--wrap' }, precisionLabel, capLabel),
    corrLabel,
    corrHint,
    corrNote,
    quantLabel,
    quantHint,
    driversHeading,
    driversButton,
    driversBox,
    beHeading,
    h('div', { class: 'row row--wrap' }, beInputLabel, beProbabilityLabel, beButton),
    beReading,
  );

  const lines = (t: string) => t.split('\n').map((l) => l.trim()).filter(Boolean);

  function options(): ExplainOptions {
    let target: ConvergenceTarget | undefined;
    if (convergeBox.checked) {
      const pp = Number(precisionInput.value);
      if (!(pp > 0 && pp < 50)) return { error: (lang) => STRESS_EXPLAIN_STRINGS[lang].badPrecision, focus: precisionInput };
      const cap = Number(capInput.value);
      if (!Number.isInteger(cap) || cap < 1 || cap > PANE_MAX_CAP) return { error: (lang) => STRESS_EXPLAIN_STRINGS[lang].badMaxSamples(PANE_MAX_CAP.toLocaleString('en-US')), focus: capInput };
      target = { precision: pp / 100, maxSamples: cap };
    }
    let correlation: CorrelationSpec | undefined;
    let correlationNote: string | undefined;
    const pairs = lines(corrInput.value);
    corrNote.textContent = '';
    // the active scenario's pairs between this claim's inputs apply unless pairs are typed (as `--scenario` in the CLI)
    const fromScenario = pairs.length ? undefined : scenarioPairsFor(claimId(), ctx.values().scenario, values(), ctx.scenarios());
    const independent = pairs.length || fromScenario ? undefined : scenarioWithoutCorrelations(ctx.values().scenario, ctx.scenarios());
    if (independent) corrNote.textContent = s().noScenarioCorrelations(scenarioDisplayName(independent, ctx.lang()));
    if (pairs.length || fromScenario) {
      try {
        const c = userCorrelation(fromScenario ? fromScenario.pairs : pairs.map(parseCorrelationPair));
        correlation = c.spec;
        const lang = ctx.lang();
        correlationNote = `${fromScenario ? `${s().fromScenario(scenarioDisplayName(fromScenario.scenario, lang))}\n` : ''}${lang === 'zh' ? c.note.zh : c.note.en}`;
        corrNote.textContent = correlationNote;
        corrNote.dataset['repaired'] = String(c.repaired);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { error: () => message, focus: corrInput };
      }
    }
    let quantiles: Record<string, readonly [number, number, number]> | undefined;
    for (const line of lines(quantInput.value)) {
      const m = /^([A-Za-z0-9_]+)\s*=\s*([^,]+),([^,]+),([^,]+)$/.exec(line);
      const q = m ? [Number(m[2]), Number(m[3]), Number(m[4])] : [];
      if (!m || !q.every(Number.isFinite)) return { error: (lang) => STRESS_EXPLAIN_STRINGS[lang].badQuantiles(line), focus: quantInput };
      (quantiles ??= {})[m[1]!.toUpperCase()] = [q[0]!, q[1]!, q[2]!];
    }
    return { ...(target ? { target } : {}), ...(correlation ? { correlation, correlationNote: correlationNote! } : {}), ...(quantiles ? { quantiles } : {}) };
  }

  function drawOptions() {
    const o = options();
    if (o.error !== undefined) {
      ctx.showStatus(o.error, 'error');
      o.focus.focus();
      return undefined;
    }
    const sd = seed();
    if (sd === undefined) {
      ctx.showStatus((lang) => STRESS_EXPLAIN_STRINGS[lang].needSeed, 'error');
      return undefined;
    }
    return { seed: sd, ...values(), ...(o.correlation ? { correlation: o.correlation } : {}), ...(o.quantiles ? { quantiles: o.quantiles } : {}) };
  }

  function renderDrivers(): void {
    const id = claimId();
    if (!drivers || drivers.run.claimId !== id || drivers.key !== valuesKey()) {
      driversBox.replaceChildren();
      return;
    }
    const str = s();
    const d = drivers.run;
    const table = h(
      'table',
      { class: 'stress__table', id: 'stress-drivers-table' },
      h('thead', {}, h('tr', {}, ...str.driversCols.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...d.rows.map((r) =>
          h('tr', { 'data-input': r.id }, h('th', { scope: 'row' }, r.id), h('td', {}, r.spearman === null ? '–' : r.spearman.toFixed(2)), h('td', {}, r.z === null ? '–' : r.z.toFixed(2)), h('td', {}, r.significant ? str.yes : str.no)),
        ),
      ),
    );
    driversBox.replaceChildren(table, h('p', { id: 'stress-drivers-reading' }, ctx.lang() === 'zh' ? d.reading.zh : d.reading.en));
  }

  function runDrivers(): void {
    const o = drawOptions();
    if (!o) return;
    try {
      drivers = { run: driversForClaim(claimId(), o), key: valuesKey() };
      renderDrivers();
    } catch (error) {
      ctx.showStatus(error instanceof Error ? error.message : String(error), 'error');
    }
  }

  function runBreakEven(): void {
    const o = drawOptions();
    if (!o) return;
    const pct = Number(beProbability.value);
    if (!(pct > 0 && pct < 100)) {
      ctx.showStatus((lang) => STRESS_EXPLAIN_STRINGS[lang].badProbability, 'error');
      beProbability.focus();
      return;
    }
    try {
      const r = probabilityBreakEvenForClaim(claimId(), beInput.value, { ...o, probability: pct / 100 });
      beReading.textContent = ctx.lang() === 'zh' ? r.reading.zh : r.reading.en;
      beReading.dataset['found'] = String(r.found);
      if (r.found) beReading.dataset['value'] = String(r.value);
      else delete beReading.dataset['value'];
    } catch (error) {
      ctx.showStatus(error instanceof Error ? error.message : String(error), 'error');
    }
  }

  function render(): void {
    const str = s();
    heading.textContent = str.options;
    convergeLabel.querySelector('span')!.textContent = str.converge;
    precisionLabel.querySelector('span')!.textContent = str.precision;
    capLabel.querySelector('span')!.textContent = str.maxSamples;
    corrLabel.querySelector('span')!.textContent = str.corr;
    corrHint.textContent = str.corrHint;
    quantLabel.querySelector('span')!.textContent = str.quantiles;
    quantHint.textContent = str.quantilesHint;
    driversHeading.textContent = str.drivers;
    driversButton.textContent = str.driversRun;
    beHeading.textContent = str.breakeven;
    beInputLabel.querySelector('span')!.textContent = str.breakevenInput;
    beProbabilityLabel.querySelector('span')!.textContent = str.breakevenProbability;
    beButton.textContent = str.breakevenRun;
    const id = claimId();
    const chosen = beInput.value;
    let inputs: readonly { readonly id: string }[] = [];
    try {
      inputs = id ? stressModelFor(id, values().overrides, values().mine).model.inputs : [];
    } catch {
      inputs = []; // a claim that cannot be stressed: the section says why
    }
    beInput.replaceChildren(...inputs.map((i) => h('option', { value: i.id }, i.id)));
    if (inputs.some((i) => i.id === chosen)) beInput.value = chosen;
    if (beReading.dataset['claim'] !== id) {
      beReading.textContent = '';
      beReading.dataset['claim'] = id;
    }
    renderDrivers();
  }

  return {
    element,
    options,
    holdsLine: (run) => (run.probabilityHolds === null ? '' : s().holdsWithPrecision(formatProbability(run.probabilityHolds), formatHalfWidth(precisionOf(run), ctx.lang()))),
    lastDrivers: (id) => (drivers && drivers.run.claimId === id && drivers.key === valuesKey() ? drivers.run : undefined),
    render,
    reset() {
      drivers = undefined;
      beReading.textContent = '';
      render();
    },
  };
}
