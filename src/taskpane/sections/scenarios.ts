/**
 * Scenarios: switch the active one (Scenarios!B1), create / duplicate / rename / delete (with
 * Undo for the last delete), override an input, compare two, import / export JSON.
 */
import { editScenarios, importScenarios, parseScenarioJson } from '../../excel/scenario-actions.js';
import type { Progress } from '../../excel/types.js';
import { formatValue } from '../../model/claims/format.js';
import { getFigure, loadFigures } from '../../model/figures/index.js';
import {
  scenarioDescription,
  scenarioDisplayName,
  BASELINE_NAME,
  compareScenarios,
  createScenario,
  deleteScenario,
  duplicateScenario,
  renameScenario,
  setOverride,
  toScenarioFile,
  undoDelete,
  type Scenario,
  type ScenarioState,
} from '../../model/scenarios/index.js';
import { button, h, select } from '../dom.js';
import { shownScenario, type Strings } from '../i18n.js';
import { fillMessage, type Message, type PaneApi } from '../pane.js';
import { writeActiveScenario } from '../workbook.js';
import { editText, parseFigureInput } from './figures.js';

const today = (): string => new Date().toISOString().slice(0, 10);

export class ScenariosSection {
  private readonly root = h('div', { class: 'stack' });
  private lastDeleted: ScenarioState['lastDeleted'];
  private picked = '';
  private compareA = BASELINE_NAME;
  private compareB = '';
  private comparison: HTMLElement | null = null;

  constructor(
    container: HTMLElement,
    private readonly pane: PaneApi,
  ) {
    container.append(this.root);
  }

  private state(): ScenarioState {
    return this.pane.view().scenarios;
  }

  /** One scenario edit through editScenarios (the workbook is filled first if needed). */
  private edit(fn: (state: ScenarioState) => ScenarioState, done: Message, after?: (state: ScenarioState) => void): void {
    void this.pane.task(async (run) => {
      // lang is passed through to fillArticle (sheet labels follow the pane).
      const options = { lang: this.pane.lang(), onProgress: (p: Progress) => this.pane.progress(p.fraction) };
      const { result, state } = await editScenarios(run, fn, options);
      if (result.status === 'conflict') {
        const m = fillMessage(result, this.pane.strings());
        return { message: (s) => fillMessage(result, s).text, kind: m.kind };
      }
      after?.(state);
      return { message: done, kind: 'success' };
    });
  }

  private needName(input: HTMLInputElement): string | undefined {
    const name = input.value.trim();
    if (!name) {
      this.pane.status((s) => s.needName, 'error');
      input.focus();
      return undefined;
    }
    return name;
  }

  private needPicked(): string | undefined {
    if (!this.picked || this.picked === BASELINE_NAME) {
      this.pane.status((s) => s.needScenario, 'error');
      return undefined;
    }
    return this.picked;
  }

  render(): void {
    const s = this.pane.strings();
    const st = this.state();
    const enabled = this.pane.run() !== undefined;
    const names = [BASELINE_NAME, ...st.scenarios.map((x) => x.name)];
    if (!names.includes(this.picked)) this.picked = st.scenarios[0]?.name ?? BASELINE_NAME;
    if (!names.includes(this.compareA)) this.compareA = BASELINE_NAME;
    if (!names.includes(this.compareB)) this.compareB = st.scenarios[0]?.name ?? BASELINE_NAME;
    const lang = this.pane.lang();
    // Values stay the keys; labels are what the pane's language shows (the baseline in words, seed labels in Chinese).
    const opts = names.map((n) => [n, shownScenario(n, st.scenarios, lang)] as const);

    // Active scenario
    const active = select('active-scenario', opts, st.active);
    active.disabled = !enabled || !this.pane.view().filled;
    active.addEventListener('change', () => {
      const name = active.value;
      void this.pane.task(async (run) => {
        await writeActiveScenario(run, name);
        const shown = shownScenario(name, st.scenarios, lang);
        return { message: (t) => t.activeSwitched(shown), kind: 'success' };
      });
    });
    const list = h(
      'ul',
      { class: 'scenario-list', 'aria-label': s.scenarioListLabel },
      h('li', {}, h('strong', {}, s.baselineName), ' — ', s.baselineNote),
      ...st.scenarios.map((x: Scenario) => {
        const description = scenarioDescription(x, lang);
        return h('li', { 'data-scenario': x.name }, h('strong', {}, scenarioDisplayName(x, lang)), ` (${s.overridesCount(x.overrides.size)})`, description ? h('span', { class: 'hint' }, ` — ${description}`) : null);
      }),
    );

    // Create / duplicate / rename / delete / undo
    const pick = select('scenario-pick', opts, this.picked);
    pick.addEventListener('change', () => {
      this.picked = pick.value;
      this.render();
      document.getElementById('scenario-pick')?.focus();
    });
    const nameInput = h('input', { id: 'scenario-name', class: 'input', type: 'text', autocomplete: 'off', maxlength: '60' });
    const now = today();
    const create = button(s.create, { id: 'scenario-create', class: 'button button--small' }, () => {
      const name = this.needName(nameInput);
      if (name) this.edit((x) => createScenario(x, name, now), (t) => t.created(name), () => (this.picked = name));
    });
    const duplicate = button(s.duplicate, { id: 'scenario-duplicate', class: 'button button--small' }, () => {
      const name = this.needName(nameInput);
      if (name) this.edit((x) => duplicateScenario(x, this.picked || BASELINE_NAME, name, now), (t) => t.duplicated(name), () => (this.picked = name));
    });
    const rename = button(s.rename, { id: 'scenario-rename', class: 'button button--small' }, () => {
      const from = this.needPicked();
      const name = from && this.needName(nameInput);
      if (from && name) this.edit((x) => renameScenario(x, from, name, now), (t) => t.renamed(from, name), () => (this.picked = name));
    });
    const del = button(s.deleteScenario, { id: 'scenario-delete', class: 'button button--small button--danger' }, () => {
      const name = this.needPicked();
      if (!name) return;
      this.edit(
        (x) => deleteScenario(x, name),
        (t) => t.deleted(name),
        (after) => (this.lastDeleted = after.lastDeleted),
      );
    });
    const undoInfo = this.lastDeleted;
    const undo = undoInfo
      ? button(s.undoDelete(undoInfo.scenario.name), { id: 'scenario-undo', class: 'button button--small', 'data-then-focus': 'scenario-pick' }, () => {
          const saved = undoInfo;
          this.edit(
            (x) => undoDelete({ ...x, lastDeleted: saved }),
            (t) => t.restored(saved.scenario.name),
            () => {
              this.lastDeleted = undefined;
              this.picked = saved.scenario.name;
            },
          );
        })
      : null;
    for (const b of [create, duplicate, rename, del, undo]) if (b) b.disabled = !enabled;

    // Override one input of the picked scenario
    const figureOpts = loadFigures().map((f) => [f.id, `${f.id} — ${this.pane.lang() === 'zh' ? f.labelZh : f.labelEn}`] as const);
    const figurePick = select('override-figure', figureOpts);
    const overrideValue = h('input', { id: 'override-value', class: 'input', type: 'text', autocomplete: 'off', inputmode: 'decimal' });
    const showCurrent = (): void => {
      const figure = getFigure(figurePick.value);
      const scenario = st.scenarios.find((x) => x.name === this.picked);
      const v = scenario?.overrides.get(figurePick.value);
      overrideValue.value = figure && v !== undefined ? editText(figure, v) : '';
    };
    figurePick.addEventListener('change', showCurrent);
    showCurrent();
    const setOv = button(s.setOverride, { id: 'override-set', class: 'button button--small' }, () => {
      const scenario = this.needPicked();
      const figure = getFigure(figurePick.value);
      if (!scenario || !figure) return;
      const parsed = parseFigureInput(figure, overrideValue.value, s, this.pane.lang());
      if (typeof parsed === 'string') {
        this.pane.status(() => parsed, 'error');
        overrideValue.focus();
        return;
      }
      // setOverride checks the value against the unit again; dates go in as ISO text.
      const raw = figure.unit === 'date' ? overrideValue.value.trim() : parsed;
      this.edit((x) => setOverride(x, scenario, figure.id, raw, now), (t) => t.overrideSet(scenario, figure.id));
    });
    const clearOv = button(s.clearOverride, { id: 'override-clear', class: 'button button--small button--subtle' }, () => {
      const scenario = this.needPicked();
      const id = figurePick.value;
      if (scenario) this.edit((x) => setOverride(x, scenario, id, null, now), (t) => t.overrideCleared(scenario, id));
    });
    setOv.disabled = clearOv.disabled = !enabled;

    // Compare
    const a = select('compare-a', opts, this.compareA);
    const b = select('compare-b', opts, this.compareB);
    a.addEventListener('change', () => (this.compareA = a.value));
    b.addEventListener('change', () => (this.compareB = b.value));
    const result = h('div', { id: 'compare-result', class: 'compare', 'aria-live': 'polite' });
    const compare = button(s.compare, { id: 'compare', class: 'button button--small' }, () => {
      this.comparison = this.renderComparison(a.value, b.value, s);
      result.replaceChildren(this.comparison);
    });
    if (this.comparison && names.includes(this.compareA) && names.includes(this.compareB)) {
      this.comparison = this.renderComparison(this.compareA, this.compareB, s);
      result.append(this.comparison);
    }

    // Import / export
    // The native file input's button speaks the browser's language; a button in the pane's language opens it.
    const file = h('input', { id: 'scenario-import', type: 'file', accept: 'application/json,.json', class: 'file', hidden: true, 'aria-label': s.importLabel });
    const importButton = button(s.importLabel, { id: 'scenario-import-button', class: 'button button--small', 'aria-describedby': 'scenario-import-hint' }, () => file.click());
    file.disabled = importButton.disabled = !enabled;
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (!f) return;
      void f.text().then((text) => {
        file.value = '';
        let count = 0;
        const userFigures = this.pane.view().mine.tables.figures;
        try {
          count = parseScenarioJson(text, f.name, userFigures).length;
        } catch (err) {
          const problems = (err as { problems?: string[] }).problems ?? [String(err)];
          this.pane.status((t) => t.importRejected(problems.join('; ')), 'error');
          return;
        }
        void this.pane.task(async (run) => {
          const r = await importScenarios(run, text, {}, userFigures);
          if (r.status === 'conflict') return { message: (t) => fillMessage(r, t).text, kind: 'error' };
          return { message: (t) => t.imported(count), kind: 'success' };
        });
      });
    });
    const exportButton = button(s.exportScenarios, { id: 'scenario-export', class: 'button button--small' }, () => {
      const json = JSON.stringify(toScenarioFile(this.state().scenarios), null, 2);
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const name = 'claimcell-scenarios.json';
      const link = h('a', { href: url, download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.pane.status((t) => t.exported(name), 'success');
    });

    const field = (id: string, label: string, control: HTMLElement): HTMLElement => h('div', { class: 'field' }, h('label', { for: id }, label), control);
    const children: (HTMLElement | null)[] = [
      field('active-scenario', s.activeScenarioLabel, active),
      list,
      h('h3', {}, s.manageHeading),
      field('scenario-pick', s.scenarioPickLabel, pick),
      field('scenario-name', s.scenarioNameLabel, nameInput),
      h('div', { class: 'row row--wrap' }, create, duplicate, rename, del),
      undo ? h('div', { class: 'row' }, undo) : null,
      h('h3', {}, s.overrideHeading),
      field('override-figure', s.overrideFigureLabel, figurePick),
      field('override-value', s.overrideValueLabel, overrideValue),
      h('div', { class: 'row row--wrap' }, setOv, clearOv),
      h('h3', {}, s.compareHeading),
      h('div', { class: 'row row--wrap' }, field('compare-a', s.compareA, a), field('compare-b', s.compareB, b)),
      h('div', { class: 'row' }, compare),
      result,
      h('div', { class: 'row row--wrap' }, importButton, exportButton),
      file,
      h('p', { class: 'hint', id: 'scenario-import-hint' }, s.importHint),
    ];
    this.root.replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
  }

  private renderComparison(a: string, b: string, s: Strings): HTMLElement {
    this.compareA = a;
    this.compareB = b;
    const c = compareScenarios(this.state(), a, b);
    const show = (id: string, v: number | null): string => {
      const figure = getFigure(id);
      return v === null || !figure ? s.asBaseline : formatValue(v, figure.unit);
    };
    return h(
      'div',
      {},
      h('h4', {}, s.inputsDiffer),
      c.inputs.length
        ? h('ul', { class: 'compare__list', 'data-role': 'inputs' }, ...c.inputs.map((x) => h('li', {}, h('code', {}, x.figure), `: ${show(x.figure, x.a)} → ${show(x.figure, x.b)}`)))
        : h('p', { class: 'hint' }, s.noInputsDiffer),
      h('h4', {}, s.verdictsChange),
      c.verdicts.length
        ? h('ul', { class: 'compare__list', 'data-role': 'verdicts' }, ...c.verdicts.map((x) => h('li', {}, h('code', {}, x.claim), `: ${s.verdict(x.a)} → ${s.verdict(x.b)}`)))
        : h('p', { class: 'hint' }, s.noVerdictsChange),
    );
  }
}

