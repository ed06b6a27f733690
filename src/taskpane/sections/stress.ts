/**
 * Stress section of the task pane: pick a claim (those with inputs), see its tornado (inline SVG,
 * keyboard accessible, with a table fallback), run a cancellable Monte Carlo with a progress bar
 * and histogram, read the one-line result, and write it all to a `Stress` sheet with native charts.
 * Ships in the add-in bundle: pure model code and Office calls only (no simhost, no Node).
 */
import { formatValue } from '../../model/claims/format.js';
import { getClaim } from '../../model/claims/index.js';
import {
  monteCarloForClaimAsync,
  stressClaimIds,
  tornadoForClaim,
  type ClaimMonteCarlo,
  type ClaimTornado,
} from '../../model/stress/claims.js';
import { UNITS, type UnitId } from '../../model/units/index.js';
import { noSpreadNote } from '../../model/stress/spread.js';
import { valuesKey } from '../../model/values/index.js';
import { stressWriteMessage, writeStressSheet } from '../../excel/stress.js';
import { stressRunForClaim, stressSheet } from '../../plan/stress-sheet.js';
import { button, h, select } from '../dom.js';
import { createPaneStressPool, WorkersUnavailableError, type PaneStressPool } from '../stress-pool.js';
import type { SectionContext, SectionLang } from './context.js';
import { TEXT } from '../../text/index.js';

const STRINGS = { en: TEXT.en.stressPane, zh: TEXT.zh.stressPane };

/** Most samples the pane runs (off the main thread and cancellable, so far more than a cell function allows). */
const PANE_MAX_SAMPLES = 10_000_000;


const SVG = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

const fmt = (v: number, unit: UnitId | string | undefined): string => formatValue(Number.isFinite(v) ? v : null, (unit ?? 'ratio') as UnitId);

/** "Result (USD bn)": the axis title of both charts, in the unit of the claim's result. */
const resultAxis = (unit: UnitId | string, lang: SectionLang): string => {
  const info = UNITS[unit as UnitId];
  return STRINGS[lang].result(info ? (lang === 'zh' ? info.labelZh : info.labelEn) : String(unit));
};

/** Width of a monospace label at `size` px: labels are sized to their text, never cut. */
const MONO_CHAR = 0.61;
const textWidth = (text: string, size: number): number => Math.ceil(text.length * size * MONO_CHAR);

/** A horizontal axis under a chart: the line, tick labels at the ends (and the base), the title. */
function xAxis(x0: number, x1: number, y: number, ticks: readonly { at: number; label: string }[], title: string): SVGGElement {
  const g = svg('g', { class: 'stress__axis', 'aria-hidden': 'true', 'font-size': 9, fill: 'currentColor' }, svg('line', { x1: x0, x2: x1, y1: y, y2: y, stroke: 'currentColor' }));
  for (const t of ticks) {
    const anchor = t.at <= x0 + 1 ? 'start' : t.at >= x1 - 1 ? 'end' : 'middle';
    g.append(svg('line', { x1: t.at, x2: t.at, y1: y, y2: y + 3, stroke: 'currentColor' }), svg('text', { x: t.at, y: y + 12, 'text-anchor': anchor }, t.label));
  }
  g.append(svg('text', { x: (x0 + x1) / 2, y: y + 24, 'text-anchor': 'middle' }, title));
  return g;
}

/** The tornado as an SVG: one bar per input from the base output to its output at low and high. */
function tornadoSvg(t: ClaimTornado, lang: SectionLang): SVGSVGElement {
  const s = STRINGS[lang];
  const rowH = 26, pad = 6, font = 10, plotW = 200, axisH = 30;
  const labelW = Math.max(60, ...t.bars.map((b) => textWidth(b.id, font))) + 8;
  const W = labelW + plotW + pad;
  const barsH = t.bars.length * rowH + pad;
  const H = barsH + axisH;
  const values = t.bars.flatMap((b) => [b.outputAtLow, b.outputAtHigh]).concat(t.baseOutput).filter(Number.isFinite);
  const lo = Math.min(...values), hi = Math.max(...values);
  const x = (v: number) => labelW + ((v - lo) / (hi - lo || 1)) * plotW;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'group', 'aria-label': s.chartLabel(t.claimId), class: 'stress__tornado' });
  const bars: SVGGElement[] = [];
  t.bars.forEach((b, i) => {
    const y = pad + i * rowH;
    const a = Number.isFinite(b.outputAtLow) ? x(b.outputAtLow) : x(t.baseOutput);
    const c = Number.isFinite(b.outputAtHigh) ? x(b.outputAtHigh) : x(t.baseOutput);
    const base = x(t.baseOutput);
    const g = svg('g', { tabindex: i === 0 ? 0 : -1, role: 'img', 'aria-label': s.bar(b.id, fmt(b.outputAtLow, t.unit), fmt(b.outputAtHigh, t.unit), fmt(b.swing, t.unit === 'date' ? 'days' : t.unit)), 'data-input': b.id });
    g.append(
      svg('text', { x: labelW - 4, y: y + rowH / 2 + 4, 'text-anchor': 'end', 'font-size': font, 'font-family': 'monospace', fill: 'currentColor' }, b.id),
      svg('rect', { x: Math.min(a, base), y: y + 4, width: Math.max(1, Math.abs(base - a)), height: rowH - 8, fill: '#5b9bd5' }),
      svg('rect', { x: Math.min(c, base), y: y + 4, width: Math.max(1, Math.abs(c - base)), height: rowH - 8, fill: '#ed7d31' }),
    );
    g.addEventListener('keydown', (e) => {
      const next = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? bars.length - 1 : -2;
      if (next === -2) return;
      e.preventDefault();
      const target = bars[Math.max(0, Math.min(bars.length - 1, next))]!;
      bars.forEach((bar) => bar.setAttribute('tabindex', bar === target ? '0' : '-1'));
      target.focus();
    });
    g.addEventListener('focus', () => g.setAttribute('stroke', 'currentColor'));
    g.addEventListener('blur', () => g.removeAttribute('stroke'));
    bars.push(g);
    root.append(g);
  });
  root.append(svg('line', { x1: x(t.baseOutput), x2: x(t.baseOutput), y1: 0, y2: barsH, stroke: 'currentColor', 'stroke-dasharray': '2 2', 'aria-hidden': 'true' }));
  const ticks = [{ at: x(lo), label: fmt(lo, t.unit) }, { at: x(hi), label: fmt(hi, t.unit) }];
  const baseAt = x(t.baseOutput);
  // The base's own tick only where it does not run into the end labels.
  if (Math.min(baseAt - x(lo), x(hi) - baseAt) > 50) ticks.push({ at: baseAt, label: `${s.baseLabel} ${fmt(t.baseOutput, t.unit)}` });
  root.append(xAxis(labelW, labelW + plotW, barsH, ticks, resultAxis(t.unit, lang)));
  return root;
}

function tornadoTable(t: ClaimTornado, lang: SectionLang): HTMLElement {
  const s = STRINGS[lang];
  const table = h('table', { class: 'stress__table' }, h('thead', {}, h('tr', {}, ...s.cols.map((c) => h('th', { scope: 'col' }, c)))));
  const body = h('tbody');
  for (const b of t.bars) {
    body.append(
      h('tr', {}, h('th', { scope: 'row' }, b.id), ...[fmt(b.inputLow, b.unit), fmt(b.inputHigh, b.unit), fmt(b.outputAtLow, t.unit), fmt(b.outputAtHigh, t.unit), fmt(b.swing, t.unit === 'date' ? 'days' : t.unit)].map((v) => h('td', {}, v))),
    );
  }
  table.append(body);
  return h('details', {}, h('summary', {}, s.showTable), table);
}

function histogramSvg(r: ClaimMonteCarlo, lang: SectionLang): SVGSVGElement {
  const s = STRINGS[lang];
  const W = 300, plotH = 100, top = 6, left = 34, right = 6, axisH = 30;
  const H = top + plotH + axisH;
  const counts = r.histogram.counts;
  const max = Math.max(1, ...counts);
  const plotW = W - left - right;
  const w = plotW / Math.max(1, counts.length);
  const edges = r.histogram.edges;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': s.histLabel(r.claimId, r.samples.toLocaleString('en-US'), fmt(edges[0]!, r.unit), fmt(edges[edges.length - 1]!, r.unit)), class: 'stress__histogram' });
  counts.forEach((c, k) => {
    const bh = (plotH * c) / max;
    root.append(svg('rect', { x: left + k * w + 0.5, y: top + plotH - bh, width: Math.max(0.5, w - 1), height: bh, fill: '#5b9bd5' }, svg('title', {}, `${fmt(edges[k]!, r.unit)}–${fmt(edges[k + 1]!, r.unit)}: ${c}`)));
  });
  // Vertical axis: sample counts from 0 to the tallest bin.
  root.append(
    svg(
      'g',
      { class: 'stress__axis', 'aria-hidden': 'true', 'font-size': 9, fill: 'currentColor' },
      svg('line', { x1: left, x2: left, y1: top, y2: top + plotH, stroke: 'currentColor' }),
      svg('text', { x: left - 3, y: top + 8, 'text-anchor': 'end' }, max.toLocaleString('en-US')),
      svg('text', { x: left - 3, y: top + plotH, 'text-anchor': 'end' }, '0'),
      svg('text', { x: 8, y: top + plotH / 2, 'text-anchor': 'middle', transform: `rotate(-90 8 ${top + plotH / 2})` }, s.samplesAxis),
    ),
  );
  const first = edges[0]!, last = edges[edges.length - 1]!;
  const ticks = first === last ? [{ at: left + plotW / 2, label: fmt(first, r.unit) }] : [{ at: left, label: fmt(first, r.unit) }, { at: left + plotW, label: fmt(last, r.unit) }];
  root.append(xAxis(left, left + plotW, top + plotH, ticks, resultAxis(r.unit, lang)));
  return root;
}

export function mountStressSection(container: HTMLElement, ctx: SectionContext): void {
  const ids = stressClaimIds();
  let claimId = ids.includes('TARIFF_IMPLIED_BASE') ? 'TARIFF_IMPLIED_BASE' : ids[0] ?? '';
  let lastRun: ClaimMonteCarlo | undefined;
  let controller: AbortController | undefined;
  let pool: PaneStressPool | undefined = createPaneStressPool();
  let keptAfterCancel = false;

  const intro = h('p', { class: 'hint' });
  const claimLabel = h('label', { class: 'field', for: 'stress-claim' });
  const claimSelect = select('stress-claim', ids.map((id) => [id, id] as const), claimId);
  claimSelect.classList.add('input');
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
  const writeButton = button('', { id: 'stress-write', class: 'button button--small' }, () => void writeSheet());

  claimLabel.append(h('span', { id: 'stress-claim-text' }), claimSelect);
  samplesLabel.append(h('span', {}), samplesInput);
  seedLabel.append(h('span', {}), seedInput);
  container.append(
    intro,
    claimLabel,
    statement,
    valuesLine,
    tornadoHeading,
    tornadoBox,
    mcHeading,
    h('div', { class: 'row row--wrap' }, samplesLabel, seedLabel, runButton, cancelButton),
    engine,
    h('div', { class: 'progress' }, progress, progressLabel),
    resultLabel,
    histogramBox,
    reading,
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
    const t = tornadoForClaim(claimId, { overrides: ctx.values().overrides });
    tornadoBox.dataset['base'] = String(t.baseOutput);
    const claim = getClaim(claimId);
    statement.textContent = claim ? (lang === 'zh' ? claim.statementZh : claim.statementEn) : '';
    tornadoBox.replaceChildren(tornadoSvg(t, lang), tornadoTable(t, lang));
    if (!lastRun || lastRun.claimId !== claimId) reading.textContent = lang === 'zh' ? t.reading.zh : t.reading.en;
  };

  const renderRun = (): void => {
    const lang = ctx.lang();
    if (!lastRun || lastRun.claimId !== claimId) {
      histogramBox.replaceChildren();
      resultLabel.textContent = '';
      return;
    }
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
    runButton.textContent = s.run;
    cancelButton.textContent = s.cancel;
    writeButton.textContent = s.write;
    engine.textContent = pool ? s.onWorkers(pool.size) : s.onMainThread;
    engine.dataset['engine'] = pool ? 'workers' : 'main-thread';
    renderTornado();
    renderRun();
  };

  async function runMonteCarlo(): Promise<void> {
    const s = STRINGS[ctx.lang()];
    const samples = Number(samplesInput.value);
    if (!Number.isInteger(samples) || samples < 1 || samples > PANE_MAX_SAMPLES) {
      ctx.showStatus(s.badSamples(PANE_MAX_SAMPLES), 'error');
      samplesInput.focus();
      return;
    }
    const seedText = seedInput.value.trim();
    if (!seedText) {
      ctx.showStatus(s.badSeed, 'error');
      seedInput.focus();
      return;
    }
    const seed = /^-?\d+$/.test(seedText) ? Number(seedText) : seedText;
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
    const onMainThread = () => monteCarloForClaimAsync(claimId, { samples, seed, overrides: values.overrides, signal, onProgress });
    try {
      let run: ClaimMonteCarlo;
      if (pool) {
        try {
          // a worker gets plain data: the values in use as a record
          const overrides = values.overrides ? Object.fromEntries(values.overrides) : undefined;
          run = await pool.run({ claimId, samples, seed, ...(overrides ? { overrides } : {}) }, { signal, onProgress });
        } catch (error) {
          if (!(error instanceof WorkersUnavailableError)) throw error;
          pool = undefined; // for good: say so, and run this one on the main thread
          render();
          run = await onMainThread();
        }
      } else run = await onMainThread();
      lastRun = run;
      lastRunKey = valuesKey(values);
      keptAfterCancel = false;
      renderRun();
      ctx.showStatus(STRINGS[ctx.lang()].done(Math.round(performance.now() - started)), 'success');
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') {
        const shown = lastRun && lastRun.claimId === claimId ? lastRun : undefined;
        ctx.showStatus(STRINGS[ctx.lang()].cancelled(shown ? STRINGS[ctx.lang()].runOf(shown.samples.toLocaleString('en-US'), String(shown.seed)) : null), 'info');
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
    const s = STRINGS[lang];
    if (writeButton.getAttribute('aria-disabled') === 'true') return;
    writeButton.setAttribute('aria-disabled', 'true');
    ctx.progress(0.1);
    try {
      const values = ctx.values();
      // Exactly the run the pane shows, made at the values in use now, or no Monte Carlo at all:
      // never a fresh run the user did not see (a cancelled run leaves the shown one, or none).
      const mc = lastRun && lastRun.claimId === claimId && lastRunKey === valuesKey(values) ? lastRun : null;
      const run = stressRunForClaim(claimId, { lang, overrides: values.overrides, valuesLabel: ctx.valuesLabel(), monteCarlo: mc });
      const result = await writeStressSheet(ctx.run, stressSheet(run).sheet);
      ctx.showStatus(result.status === 'written' ? stressWriteMessage(result, s) : s.writeFailed(stressWriteMessage(result, s)), result.status === 'written' ? 'success' : 'error');
    } catch (error) {
      ctx.showStatus(s.writeFailed(error instanceof Error ? error.message : String(error)), 'error');
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
    render();
  });
  render();
}
