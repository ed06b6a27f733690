/**
 * Stress section of the task pane: pick a claim (those with inputs), see its tornado (inline SVG,
 * keyboard accessible, with a table fallback), run a cancellable Monte Carlo with a progress bar
 * and histogram, read the one-line result, and write it all to a `Stress` sheet with native charts.
 * Ships in the add-in bundle: pure model code and Office calls only (no simhost, no Node).
 */
import { getClaim } from '../../model/claims/index.js';
import { defaultStressClaimId, stressClaimIds, tornadoForClaim } from '../../model/stress/claims.js';
import { monteCarloForClaimAsync, type ClaimMonteCarlo } from '../../model/stress/claim-montecarlo.js';
import { noSpreadNote } from '../../model/stress/spread.js';
import type { UserStress } from '../../model/user/index.js';
import { valuesKey } from '../../model/values/index.js';
import { stressWriteMessage, writeStressSheet } from '../../excel/stress.js';
import { stressRunForClaim, stressSheet } from '../../plan/stress-sheet.js';
import { claimSimulationSheet } from '../../plan/simulation-sheet.js';
import { articlePlanInput } from '../../plan/article.js';
import { button, h, select } from '../dom.js';
import { USER_STRINGS } from '../i18n.js';
import { generatorControl } from './generator-control.js';
import { createPaneStressPool, WorkersUnavailableError, type PaneStressPool } from '../stress-pool.js';
import type { SectionContext } from './context.js';
import { STRESS_EXPLAIN_STRINGS } from '../i18n.js';
import { mountStressExplain } from './stress-explain.js';
import { monteCarloToPrecisionAsync, type ClaimConvergedMonteCarlo, convergenceReading } from '../../model/stress/claim-precision.js';
import { userRowsKey, userStressFor } from './my-claims.js';
import { fmt, histogramSvg, PANE_MAX_SAMPLES, STRINGS, tornadoSvg, tornadoTable } from './stress-charts.js';

export function mountStressSection(container: HTMLElement, ctx: SectionContext): void {
  const ids = stressClaimIds();
  let claimId = defaultStressClaimId();
  // The user's claims (MyClaims) at the values in use, read again when the values or the rows change.
  let user: { key: string; stress: UserStress } | undefined;
  const userNow = (): UserStress => {
    const key = `${valuesKey(ctx.values())}|${userRowsKey(ctx.mine())}`;
    if (user?.key !== key) user = { key, stress: userStressFor(ctx.mine(), ctx.values().overrides) };
    return user.stress;
  };
  const isMine = (id: string): boolean => !getClaim(id) && userNow().ids.includes(id);
  /** What every analysis of the chosen claim takes: the values in use, the user's figures and claims with them. */
  const valuesOption = () => ({ overrides: userNow().overrides, mine: userNow().mine });
  /** Results are kept only while the values and the user's rows they were made at are the workbook's. */
  const runKey = (): string => `${valuesKey(ctx.values())}|${userRowsKey(ctx.mine())}`;
  let lastRun: ClaimMonteCarlo | undefined;
  let controller: AbortController | undefined;
  let pool: PaneStressPool | undefined = createPaneStressPool();
  let keptAfterCancel = false;

  const intro = h('p', { class: 'hint' });
  const claimLabel = h('label', { class: 'field', for: 'stress-claim' });
  const claimSelect = select('stress-claim', ids.map((id) => [id, id] as const), claimId);
  claimSelect.classList.add('input');
  /** The article's claims, then the user's (marked as theirs), kept in step with MyClaims. */
  const renderOptions = (): void => {
    const mine = userNow().ids.filter((id) => !getClaim(id));
    if (!mine.includes(claimId) && !ids.includes(claimId)) claimId = defaultStressClaimId();
    const label = USER_STRINGS[ctx.lang()].stressOption;
    const options = [...ids.map((id) => h('option', { value: id }, id)), ...mine.map((id) => h('option', { value: id, 'data-mine': 'true' }, label(id)))];
    claimSelect.replaceChildren(...options);
    claimSelect.value = claimId;
  };
  const statement = h('p', { class: 'hint', id: 'stress-statement' });
  // Which values every result below is computed at; a run made at other values is dropped.
  const valuesLine = h('p', { class: 'hint', id: 'stress-values', 'aria-live': 'polite' });
  let lastRunKey = '';
  const tornadoHeading = h('h3', { class: 'hint', id: 'stress-tornado-heading' });
  const tornadoBox = h('div', { id: 'stress-tornado' });
  const mcHeading = h('h3', { class: 'hint', id: 'stress-mc-heading' });
  const samplesLabel = h('label', { class: 'field', for: 'stress-samples' });
  const samplesInput = h('input', { id: 'stress-samples', class: 'input input--value', type: 'number', min: '1', max: String(PANE_MAX_SAMPLES), step: '1', value: '100000', inputmode: 'numeric' });
  const seedLabel = h('label', { class: 'field', for: 'stress-seed' });
  const seedInput = h('input', { id: 'stress-seed', class: 'input input--value', type: 'text', value: '1' });
  // Busy controls are aria-disabled, not disabled: a disabled button drops the keyboard focus to
  // the page, and focus is to stay on the control that was used.
  const runButton = button('', { id: 'stress-run', class: 'button button--primary button--small' }, () => {
    if (!controller) void runMonteCarlo();
  });
  const cancelButton = button('', { id: 'stress-cancel', class: 'button button--small', 'aria-disabled': 'true' }, () => controller?.abort());
  const progressLabel = h('span', { class: 'hint', id: 'stress-progress-label', 'aria-live': 'polite' });
  const progress = h('progress', { id: 'stress-progress', max: '1', value: '0', 'aria-labelledby': 'stress-progress-label' });
  progress.hidden = true;
  const engine = h('p', { class: 'hint', id: 'stress-engine', 'data-engine': pool ? 'workers' : 'main-thread' });
  const resultLabel = h('p', { class: 'hint', id: 'stress-result-label' });
  const histogramBox = h('div', { id: 'stress-histogram' });
  const reading = h('p', { id: 'stress-reading', 'aria-live': 'polite' });
  // P(holds) with its 95% half-width, how a run stopped, quantiles that were refused
  const precisionLine = h('p', { class: 'hint', id: 'stress-precision-line' });
  const seedOf = (): number | string | undefined => {
    const t = seedInput.value.trim();
    return t ? (/^-?\d+$/.test(t) ? Number(t) : t) : undefined;
  };
  const explain = mountStressExplain(ctx, () => claimId, seedOf, valuesOption, runKey);
  const writeButton = button('', { id: 'stress-write', class: 'button button--small' }, () => void writeSheet());

  claimLabel.append(h('span', { id: 'stress-claim-text' }), claimSelect);
  samplesLabel.append(h('span', {}), samplesInput);
  seedLabel.append(h('span', {}), seedInput);
  const generator = generatorControl();
  container.append(
    intro,
    claimLabel,
    statement,
    valuesLine,
    tornadoHeading,
    tornadoBox,
    mcHeading,
    h('div', { class: 'row row--wrap' }, samplesLabel, seedLabel, generator.label, runButton, cancelButton),
    engine,
    h('div', { class: 'progress' }, progress, progressLabel),
    resultLabel,
    histogramBox,
    precisionLine,
    reading,
    explain.element,
    writeButton,
  );

  const renderTornado = (): void => {
    const lang = ctx.lang();
    if (!claimId) {
      tornadoBox.replaceChildren(h('p', { class: 'hint' }, STRINGS[lang].none));
      return;
    }
    valuesLine.textContent = ctx.valuesLabel();
    valuesLine.dataset['values'] = valuesKey(ctx.values());
    const t = tornadoForClaim(claimId, valuesOption());
    tornadoBox.dataset['base'] = String(t.baseOutput);
    const claim = getClaim(claimId) ?? userNow().mine.claims.find((c) => c.id === claimId);
    statement.textContent = claim ? `${lang === 'zh' ? claim.statementZh : claim.statementEn}${isMine(claimId) ? ` (${USER_STRINGS[lang].yours})` : ''}` : '';
    statement.dataset['mine'] = String(isMine(claimId));
    tornadoBox.replaceChildren(tornadoSvg(t, lang), tornadoTable(t, lang));
    if (!lastRun || lastRun.claimId !== claimId) reading.textContent = lang === 'zh' ? t.reading.zh : t.reading.en;
  };

  const renderRun = (): void => {
    const lang = ctx.lang();
    if (!lastRun || lastRun.claimId !== claimId) {
      histogramBox.replaceChildren();
      resultLabel.textContent = '';
      precisionLine.textContent = '';
      return;
    }
    const stop = (lastRun as Partial<ClaimConvergedMonteCarlo>).convergence;
    const refused = lastRun.inputs.filter((i) => i.refused).map((i) => STRESS_EXPLAIN_STRINGS[lang].refused(i.refused!));
    precisionLine.textContent = [explain.holdsLine(lastRun), stop ? convergenceReading(stop)[lang] : '', ...refused].filter(Boolean).join(' ');
    if (stop) precisionLine.dataset['stoppedBy'] = stop.stoppedBy;
    else delete precisionLine.dataset['stoppedBy'];
    const r = lastRun;
    const count = r.samples.toLocaleString('en-US');
    resultLabel.textContent = keptAfterCancel ? STRINGS[lang].keptAfterCancel(count, String(r.seed)) : STRINGS[lang].lastComplete(count, String(r.seed));
    resultLabel.dataset['state'] = keptAfterCancel ? 'kept-after-cancel' : 'complete';
    const flat = noSpreadNote(r);
    histogramBox.replaceChildren(
      histogramSvg(r, lang),
      h('p', { class: 'hint' }, STRINGS[lang].stats(fmt(r.mean, r.unit), fmt(r.percentiles.p5, r.unit), fmt(r.percentiles.p95, r.unit))),
      ...(flat ? [h('p', { class: 'hint', id: 'stress-no-spread' }, lang === 'zh' ? flat.zh : flat.en)] : []),
    );
    reading.textContent = lang === 'zh' ? r.reading.zh : r.reading.en;
  };

  const render = (): void => {
    const s = STRINGS[ctx.lang()];
    intro.textContent = s.intro;
    claimLabel.querySelector('span')!.textContent = s.claim;
    tornadoHeading.textContent = s.tornado;
    mcHeading.textContent = s.monteCarlo;
    samplesLabel.querySelector('span')!.textContent = s.samples;
    seedLabel.querySelector('span')!.textContent = s.seed;
    generator.render(ctx.lang());
    runButton.textContent = s.run;
    cancelButton.textContent = s.cancel;
    writeButton.textContent = s.write;
    engine.textContent = pool ? s.onWorkers(pool.size) : s.onMainThread;
    engine.dataset['engine'] = pool ? 'workers' : 'main-thread';
    renderOptions();
    explain.render();
    renderTornado();
    renderRun();
  };

  async function runMonteCarlo(): Promise<void> {
    const samples = Number(samplesInput.value);
    if (!Number.isInteger(samples) || samples < 1 || samples > PANE_MAX_SAMPLES) {
      ctx.showStatus((lang) => STRINGS[lang].badSamples(PANE_MAX_SAMPLES), 'error');
      samplesInput.focus();
      return;
    }
    const seedText = seedInput.value.trim();
    if (!seedText) {
      ctx.showStatus((lang) => STRINGS[lang].badSeed, 'error');
      seedInput.focus();
      return;
    }
    const seed = /^-?\d+$/.test(seedText) ? Number(seedText) : seedText;
    const more = explain.options();
    if (more.error !== undefined) {
      ctx.showStatus(more.error, 'error');
      more.focus.focus();
      return;
    }
    controller = new AbortController();
    const values = ctx.values();
    runButton.setAttribute('aria-disabled', 'true');
    cancelButton.removeAttribute('aria-disabled');
    progress.hidden = false;
    progress.value = 0;
    const started = performance.now();
    const onProgress = (p: { fraction: number }): void => {
      progress.value = p.fraction;
      progressLabel.textContent = STRINGS[ctx.lang()].running(Math.round(p.fraction * 100));
    };
    const signal = controller.signal;
    const key = runKey();
    const chosen = generator.value();
    const drawn = { ...(more.correlation ? { correlation: more.correlation } : {}), ...(more.quantiles ? { quantiles: more.quantiles } : {}) };
    const onMainThread = (n = samples) => monteCarloForClaimAsync(claimId, { samples: n, seed, generator: chosen, ...valuesOption(), signal, onProgress, ...drawn });
    // a worker gets plain data: the values in use as a record, a user's claim as its rows
    const overrides = values.overrides ? Object.fromEntries(values.overrides) : undefined;
    const mine = isMine(claimId) ? { mine: ctx.mine().tables } : {};
    const request = (n: number) => ({ claimId, samples: n, seed, generator: chosen, ...(overrides ? { overrides } : {}), ...mine, ...(more.quantiles ? { quantiles: more.quantiles } : {}) });
    // a correlated run reorders whole columns, so it cannot be shared between workers
    const onPool = pool && !more.correlation ? pool : undefined;
    if (more.correlation && pool) ctx.showStatus((lang) => STRESS_EXPLAIN_STRINGS[lang].correlatedOnMainThread, 'info');
    const stage = onPool ? (n: number) => onPool.run(request(n), { signal, onProgress }) : (n: number) => onMainThread(n);
    try {
      let run: ClaimMonteCarlo;
      if (more.target) run = await monteCarloToPrecisionAsync(claimId, { seed, ...valuesOption(), ...drawn, ...more.target }, stage);
      else if (more.correlation) run = await onMainThread();
      else if (pool) {
        try {
          run = await pool.run(request(samples), { signal, onProgress });
        } catch (error) {
          if (!(error instanceof WorkersUnavailableError)) throw error;
          pool = undefined; // for good: say so, and run this one on the main thread
          render();
          run = await onMainThread();
        }
      } else run = await onMainThread();
      lastRun = run;
      lastRunKey = key;
      keptAfterCancel = false;
      renderRun();
      const ms = Math.round(performance.now() - started);
      ctx.showStatus((lang) => STRINGS[lang].done(ms), 'success');
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') {
        const shown = lastRun && lastRun.claimId === claimId ? lastRun : undefined;
        ctx.showStatus((lang) => STRINGS[lang].cancelled(shown ? STRINGS[lang].runOf(shown.samples.toLocaleString('en-US'), String(shown.seed)) : null), 'info');
        keptAfterCancel = true;
        renderRun();
      } else ctx.showStatus(error instanceof Error ? error.message : String(error), 'error');
    } finally {
      controller = undefined;
      runButton.removeAttribute('aria-disabled');
      cancelButton.setAttribute('aria-disabled', 'true');
      progress.hidden = true;
      progressLabel.textContent = '';
    }
  }

  async function writeSheet(): Promise<void> {
    const lang = ctx.lang();
    if (writeButton.getAttribute('aria-disabled') === 'true') return;
    writeButton.setAttribute('aria-disabled', 'true');
    ctx.progress(0.1);
    try {
      const values = ctx.values();
      // Exactly the run the pane shows, made at the values in use now, or no Monte Carlo at all:
      // never a fresh run the user did not see (a cancelled run leaves the shown one, or none).
      const mc = lastRun && lastRun.claimId === claimId && lastRunKey === runKey() ? lastRun : null;
      const drivers = explain.lastDrivers(claimId);
      const run = stressRunForClaim(claimId, { lang, ...valuesOption(), valuesLabel: ctx.valuesLabel(), monteCarlo: mc, ...(drivers ? { drivers } : {}) });
      let result = await writeStressSheet(ctx.run, stressSheet(run).sheet);
      let simulation: { trials: number; seed: number } | undefined;
      // an HDR run of a catalogue claim is also written as its native Simulation sheet, which recalculates without the add-in
      if (result.status === 'written' && mc?.generator === 'hdr' && typeof mc.seed === 'number' && !isMine(claimId)) {
        const sim = claimSimulationSheet(articlePlanInput({ lang }), claimId, { samples: mc.samples, seed: mc.seed }, values.overrides);
        const written = await writeStressSheet(ctx.run, sim.sheet, sim.names);
        if (written.status === 'written') simulation = { trials: sim.trials, seed: mc.seed };
        else result = written;
      }
      const outcome = result;
      // in the language shown, then and after a switch
      const message = (shown: typeof lang): string => {
        const t = STRINGS[shown];
        if (outcome.status !== 'written') return t.writeFailed(stressWriteMessage(outcome, t));
        return stressWriteMessage(outcome, t) + (simulation ? ` ${t.simWritten(simulation.trials, simulation.seed)}` : '');
      };
      ctx.showStatus(message, outcome.status === 'written' ? 'success' : 'error');
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      ctx.showStatus((shown) => STRINGS[shown].writeFailed(detail), 'error');
    } finally {
      ctx.progress(null);
      writeButton.removeAttribute('aria-disabled');
    }
  }

  claimSelect.addEventListener('change', () => {
    controller?.abort();
    claimId = claimSelect.value;
    render();
  });
  ctx.onLanguageChange(render);
  ctx.onValuesChange(() => {
    // Results made at the old values no longer describe the workbook.
    controller?.abort();
    lastRun = undefined;
    explain.reset();
    render();
  });
  render();
}
