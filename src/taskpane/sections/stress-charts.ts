/**
 * The Stress section's words (both languages, from the catalogue) and its charts: the tornado as an
 * inline SVG (keyboard accessible, with a table fallback) and the Monte Carlo histogram, with axes.
 */
import { formatValue } from '../../model/claims/format.js';
import type { ClaimTornado } from '../../model/stress/claims.js';
import type { ClaimMonteCarlo } from '../../model/stress/claim-montecarlo.js';
import { UNITS, type UnitId } from '../../model/units/index.js';
import { TEXT } from '../../text/index.js';
import { h } from '../dom.js';
import type { SectionLang } from './context.js';

export const STRINGS = { en: TEXT.en.stressPane, zh: TEXT.zh.stressPane };

/** Most samples the pane runs (off the main thread and cancellable, so far more than a cell function allows). */
export const PANE_MAX_SAMPLES = 10_000_000;


const SVG = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

export const fmt = (v: number, unit: UnitId | string | undefined): string => formatValue(Number.isFinite(v) ? v : null, (unit ?? 'ratio') as UnitId);

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
export function tornadoSvg(t: ClaimTornado, lang: SectionLang): SVGSVGElement {
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

export function tornadoTable(t: ClaimTornado, lang: SectionLang): HTMLElement {
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

export function histogramSvg(r: ClaimMonteCarlo, lang: SectionLang): SVGSVGElement {
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
