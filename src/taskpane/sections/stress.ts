/**
 * Stress section of the task pane: pick a claim (those with inputs), see its tornado (inline SVG,
 * keyboard accessible, with a table fallback), run a cancellable Monte Carlo with a progress bar
 * and histogram, read the one-line result, and write it all to a `Stress` sheet with native charts.
 * Ships in the add-in bundle: pure model code and Office calls only (no simhost, no Node).
 */
import { formatValue } from '../../model/claims/format.js';
import { getClaim } from '../../model/claims/index.js';
import {
  MAX_SAMPLES,
  monteCarloForClaimAsync,
  stressClaimIds,
  tornadoForClaim,
  type ClaimMonteCarlo,
  type ClaimTornado,
} from '../../model/stress/claims.js';
import type { UnitId } from '../../model/units/index.js';
import { valuesKey } from '../../model/values/index.js';
import { writeStressSheet } from '../../excel/stress.js';
import { stressRunForClaim, stressSheet } from '../../plan/stress-sheet.js';
import { button, h, select } from '../dom.js';
import { createPaneStressPool, WorkersUnavailableError, type PaneStressPool } from '../stress-pool.js';
import type { SectionContext, SectionLang } from './context.js';

/** Most samples the pane runs (off the main thread and cancellable, so far more than a cell function allows). */
const PANE_MAX_SAMPLES = 10_000_000;

const STRINGS = {
  en: {
    intro: 'How sensitive is a verdict to the article\'s figures? Move each input, or draw them all at random within the article\'s rounding.',
    claim: 'Claim',
    tornado: 'Tornado: each input moved ±10% (or over its stated range), the others fixed',
    chartLabel: (id: string) => `Tornado chart for ${id}. Use the arrow keys to move between bars.`,
    bar: (input: string, low: string, high: string, swing: string) => `${input}: result ${low} at the low end, ${high} at the high end, swing ${swing}`,
    showTable: 'Show as a table',
    cols: ['Input', 'Low', 'High', 'Result at low', 'Result at high', 'Swing'],
    monteCarlo: 'Monte Carlo',
    samples: 'Samples',
    seed: 'Seed',
    run: 'Run',
    cancel: 'Cancel',
    running: (pct: number) => `Running… ${pct}%`,
    cancelled: 'Monte Carlo run cancelled.',
    onWorkers: (n: number) => `Runs in the background on ${n} worker${n === 1 ? '' : 's'}; the pane stays responsive.`,
    onMainThread: 'Background workers are not available here: runs on the main thread in chunks (slower; the pane may respond late).',
    lastComplete: (n: string, seed: string) => `Result of the run of ${n} samples, seed ${seed}.`,
    keptAfterCancel: (n: string, seed: string) => `Cancelled; shown is the last complete run (${n} samples, seed ${seed}).`,
    done: (ms: number) => `Monte Carlo finished in ${ms} ms.`,
    badSamples: `Samples must be a whole number from 1 to ${PANE_MAX_SAMPLES.toLocaleString('en-US')}.`,
    badSeed: 'Enter a seed (a number or a word), so the run can be repeated.',
    histLabel: (id: string, n: string, lo: string, hi: string) => `Histogram of ${id} over ${n} samples, from ${lo} to ${hi}.`,
    stats: (mean: string, p5: string, p95: string) => `Mean ${mean}; 90% of samples between ${p5} and ${p95}.`,
    write: 'Write to workbook',
    written: (m: string) => m,
    writeFailed: (m: string) => `Could not write the Stress sheet: ${m}`,
    none: 'No claim has inputs to stress.',
  },
  zh: {
    intro: '判定对文中数字有多敏感？逐个变动输入，或在文章舍入范围内随机抽取全部输入。',
    claim: '结论',
    tornado: '龙卷风图：每个输入变动 ±10%（或在文中给出的区间内），其他不变',
    chartLabel: (id: string) => `${id} 的龙卷风图。用方向键在各条之间移动。`,
    bar: (input: string, low: string, high: string, swing: string) => `${input}：低端时结果 ${low}，高端时结果 ${high}，波动 ${swing}`,
    showTable: '以表格显示',
    cols: ['输入', '低值', '高值', '低值时结果', '高值时结果', '波动'],
    monteCarlo: '蒙特卡洛',
    samples: '抽样次数',
    seed: '随机种子',
    run: '运行',
    cancel: '取消',
    running: (pct: number) => `运行中… ${pct}%`,
    cancelled: '蒙特卡洛运行已取消。',
    onWorkers: (n: number) => `在后台 ${n} 个工作线程上运行；任务窗格保持可用。`,
    onMainThread: '此处无法使用后台工作线程：在主线程上分块运行（较慢；任务窗格可能响应迟缓）。',
    lastComplete: (n: string, seed: string) => `${n} 次抽样、随机种子 ${seed} 的运行结果。`,
    keptAfterCancel: (n: string, seed: string) => `已取消；显示的是上一次完整运行（${n} 次抽样，随机种子 ${seed}）。`,
    done: (ms: number) => `蒙特卡洛完成，用时 ${ms} 毫秒。`,
    badSamples: `抽样次数必须是 1 至 ${PANE_MAX_SAMPLES} 之间的整数。`,
    badSeed: '请输入随机种子（数字或单词），以便重复运行。',
    histLabel: (id: string, n: string, lo: string, hi: string) => `${id} 的直方图：${n} 次抽样，范围 ${lo} 至 ${hi}。`,
    stats: (mean: string, p5: string, p95: string) => `均值 ${mean}；90% 的抽样介于 ${p5} 与 ${p95} 之间。`,
    write: '写入工作簿',
    written: (m: string) => m.replace(/^Wrote the (.+) sheet \((\d+) charts, (\d+) tables\)\.$/, '已写入“$1”工作表（$2 个图表、$3 个表格）。').replace(/^Replaced the (.+) sheet \((\d+) charts, (\d+) tables\)\.$/, '已替换“$1”工作表（$2 个图表、$3 个表格）。'),
    writeFailed: (m: string) => `无法写入 Stress 工作表：${m}`,
    none: '没有可做压力测试的结论。',
  },
} as const;

const SVG = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

const fmt = (v: number, unit: UnitId | string | undefined): string => formatValue(Number.isFinite(v) ? v : null, (unit ?? 'ratio') as UnitId);

/** The tornado as an SVG: one bar per input from the base output to its output at low and high. */
function tornadoSvg(t: ClaimTornado, lang: SectionLang): SVGSVGElement {
  const s = STRINGS[lang];
  const W = 300, rowH = 26, labelW = 120, pad = 6;
  const H = t.bars.length * rowH + pad * 2;
  const values = t.bars.flatMap((b) => [b.outputAtLow, b.outputAtHigh]).concat(t.baseOutput).filter(Number.isFinite);
  const lo = Math.min(...values), hi = Math.max(...values);
  const x = (v: number) => labelW + ((v - lo) / (hi - lo || 1)) * (W - labelW - pad);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'group', 'aria-label': s.chartLabel(t.claimId), class: 'stress__tornado' });
  const bars: SVGGElement[] = [];
  t.bars.forEach((b, i) => {
    const y = pad + i * rowH;
    const a = Number.isFinite(b.outputAtLow) ? x(b.outputAtLow) : x(t.baseOutput);
    const c = Number.isFinite(b.outputAtHigh) ? x(b.outputAtHigh) : x(t.baseOutput);
    const base = x(t.baseOutput);
    const g = svg('g', { tabindex: i === 0 ? 0 : -1, role: 'img', 'aria-label': s.bar(b.id, fmt(b.outputAtLow, t.unit), fmt(b.outputAtHigh, t.unit), fmt(b.swing, t.unit === 'date' ? 'days' : t.unit)), 'data-input': b.id });
    g.append(
      svg('text', { x: labelW - 4, y: y + rowH / 2 + 4, 'text-anchor': 'end', 'font-size': 10, fill: 'currentColor' }, b.id.length > 20 ? `${b.id.slice(0, 19)}…` : b.id),
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
  root.append(svg('line', { x1: x(t.baseOutput), x2: x(t.baseOutput), y1: 0, y2: H, stroke: 'currentColor', 'stroke-dasharray': '2 2', 'aria-hidden': 'true' }));
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
  const W = 300, H = 120, pad = 4;
  const counts = r.histogram.counts;
  const max = Math.max(1, ...counts);
  const w = (W - pad * 2) / Math.max(1, counts.length);
  const edges = r.histogram.edges;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': s.histLabel(r.claimId, r.samples.toLocaleString('en-US'), fmt(edges[0]!, r.unit), fmt(edges[edges.length - 1]!, r.unit)), class: 'stress__histogram' });
  counts.forEach((c, k) => {
    const bh = ((H - pad * 2) * c) / max;
    root.append(svg('rect', { x: pad + k * w + 0.5, y: H - pad - bh, width: Math.max(0.5, w - 1), height: bh, fill: '#5b9bd5' }, svg('title', {}, `${fmt(edges[k]!, r.unit)}–${fmt(edges[k + 1]!, r.unit)}: ${c}`)));
  });
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
  const runButton = button('', { id: 'stress-run', class: 'button button--primary button--small' }, () => void runMonteCarlo());
  const cancelButton = button('', { id: 'stress-cancel', class: 'button button--small' }, () => controller?.abort());
  cancelButton.disabled = true;
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
    histogramBox.replaceChildren(histogramSvg(r, lang), h('p', { class: 'hint' }, STRINGS[lang].stats(fmt(r.mean, r.unit), fmt(r.percentiles.p5, r.unit), fmt(r.percentiles.p95, r.unit))));
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
      ctx.showStatus(s.badSamples, 'error');
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
    runButton.disabled = true;
    cancelButton.disabled = false;
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
        ctx.showStatus(STRINGS[ctx.lang()].cancelled, 'info');
        keptAfterCancel = true;
        renderRun();
      } else ctx.showStatus(error instanceof Error ? error.message : String(error), 'error');
    } finally {
      controller = undefined;
      runButton.disabled = false;
      cancelButton.disabled = true;
      progress.hidden = true;
      progressLabel.textContent = '';
    }
  }

  async function writeSheet(): Promise<void> {
    const lang = ctx.lang();
    const s = STRINGS[lang];
    writeButton.disabled = true;
    ctx.progress(0.1);
    try {
      const values = ctx.values();
      // The pane's own run only when it was made at the values in use now.
      const mc = lastRun && lastRun.claimId === claimId && lastRunKey === valuesKey(values) ? lastRun : undefined;
      const run = stressRunForClaim(claimId, {
        lang,
        samples: Math.min(MAX_SAMPLES, 10_000),
        seed: 1,
        overrides: values.overrides,
        valuesLabel: ctx.valuesLabel(),
        ...(mc ? { monteCarlo: mc } : {}),
      });
      const result = await writeStressSheet(ctx.run, stressSheet(run).sheet);
      ctx.showStatus(result.status === 'written' ? s.written(result.message) : s.writeFailed(result.message), result.status === 'written' ? 'success' : 'error');
    } catch (error) {
      ctx.showStatus(s.writeFailed(error instanceof Error ? error.message : String(error)), 'error');
    } finally {
      ctx.progress(null);
      writeButton.disabled = false;
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
