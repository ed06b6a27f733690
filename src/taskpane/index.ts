/**
 * ClaimCell task pane: bilingual (en / zh-CN), inside Excel (Excel.run) and outside (the preview's
 * simulated workbook behind the same Excel.run contract, or a plain browser where the workbook
 * actions say they are not available). Sections: Claims, Figures, Scenarios (here), Stress and
 * Exercises (mounted from ./sections/stress.ts and ./sections/exercises.ts).
 */
import './polyfills.js'; // first: before any module that needs a newer built-in
import { createWorkbookWatcher, type WorkbookWatcher } from '../excel/watch.js';
import { keepFocusClearOf } from './sticky-status.js';
import { fillArticle } from '../excel/scenario-actions.js';
import { runAfterCellEdit, type ExcelRunWithOptions } from '../excel/run.js';
import type { ExcelRun, Progress } from '../excel/types.js';
import { ScenarioError } from '../model/scenarios/index.js';
import { valuesKey, type ValuesInUse } from '../model/values/index.js';
import { getActions, setActions, type Action } from './actions.js';
import { shareActions } from './share.js';
import { connectOffice, type OfficeLike } from './boot.js';
import { STRINGS, htmlLang, languageFor, shownScenario, valuesLabel, type Lang, type Strings } from './i18n.js';
import { fillMessage, type Kind, type Message, type PaneApi } from './pane.js';
import { ClaimsSection } from './sections/claims.js';
import type { SectionContext } from './sections/context.js';
import { mountExercisesSection } from './sections/exercises.js';
import { FiguresSection } from './sections/figures.js';
import { ScenariosSection } from './sections/scenarios.js';
import { mountStressSection } from './sections/stress.js';
import { userRowsKey } from './sections/my-claims.js';
import { emptyView, readWorkbook, type WorkbookView } from './workbook.js';

const LANG_KEY = 'claimcell.lang';

type Environment = 'loading' | 'excel' | 'outside';

interface State {
  lang: Lang;
  env: Environment;
  preview: boolean;
  /** The last status message, re-rendered on language switch. */
  status: Message;
  kind: Kind;
  busy: boolean;
  view: WorkbookView;
}

function storedLang(): Lang | undefined {
  try {
    const v = globalThis.localStorage?.getItem(LANG_KEY);
    return v === 'en' || v === 'zh' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the pane's override of Office's language; undefined forgets it (the pane follows Office again). */
function storeLang(lang: Lang | undefined): void {
  try {
    if (lang === undefined) globalThis.localStorage?.removeItem(LANG_KEY);
    else globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    /* storage may be unavailable (private mode, sandboxed webview) */
  }
}

function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`taskpane.html is missing #${id}`);
  return el as T;
}

/** Excel.run when the Excel API is present (Office, or the preview's shim), waiting out cell-edit mode. */
function excelRun(): ExcelRun | undefined {
  const excel = (globalThis as { Excel?: { run?: unknown } }).Excel;
  return typeof excel?.run === 'function' ? runAfterCellEdit(excel.run.bind(excel) as ExcelRunWithOptions) : undefined;
}

/** An error as a sentence that says what to do. */
function errorMessage(err: unknown): Message {
  if (err instanceof ScenarioError) {
    const problems = err.problems.join('; ');
    return (s) => s.scenarioProblem(problems);
  }
  const e = err as { message?: string; code?: string; debugInfo?: { errorLocation?: string } };
  const text = [e?.code && e.code !== e.message ? `${e.code}:` : '', e?.message ?? String(err), e?.debugInfo?.errorLocation ? `(${e.debugInfo.errorLocation})` : '']
    .filter(Boolean)
    .join(' ');
  return (s) => s.failed(text);
}

const STAGE: Record<Progress['stage'], keyof Strings> = { inspect: 'stageInspect', read: 'stageRead', write: 'stageWrite', done: 'stageDone' };

/** Wires the task pane into `doc`; returns a handle used by tests and by the Office.onReady glue. */
export function initTaskpane(doc: Document = document) {
  const state: State = {
    lang: storedLang() ?? languageFor(globalThis.navigator?.language),
    env: 'loading',
    preview: false,
    status: (s) => s.loading,
    kind: 'info',
    busy: false,
    view: emptyView(),
  };
  let manualLang = storedLang() !== undefined;
  /** The language Office displays (or the browser's, before Office says): what "follow Office" means. */
  let officeLang: Lang = languageFor(globalThis.navigator?.language);
  const langListeners: ((lang: Lang) => void)[] = [];
  const valuesListeners: ((values: ValuesInUse) => void)[] = [];

  const text = (id: string, pick: (s: Strings) => string): [HTMLElement, (s: Strings) => string] => [byId(doc, id), pick];
  const texts = [
    text('title', (s) => s.title),
    text('subtitle', (s) => s.subtitle),
    text('lang-label', (s) => s.languageLabel),
    text('fill-workbook', (s) => s.fillWorkbook),
    text('fill-workbook-hint', (s) => s.fillWorkbookHint),
    text('reset-workbook', (s) => s.resetWorkbook),
    text('reset-workbook-hint', (s) => s.resetWorkbookHint),
    text('swap-out', (s) => s.swapOut),
    text('swap-out-hint', (s) => s.swapOutHint),
    text('swap-in', (s) => s.swapIn),
    text('swap-in-hint', (s) => s.swapInHint),
    text('status-heading', (s) => s.statusHeading),
    text('functions-hint', (s) => s.functionsHint),
    text('claims-heading', (s) => s.claimsHeading),
    text('figures-heading', (s) => s.figuresHeading),
    text('scenarios-heading', (s) => s.scenariosHeading),
    text('stress-heading', (s) => s.stressHeading),
    text('exercises-heading', (s) => s.exercisesHeading),
    text('progress-text', (s) => s.progressLabel),
  ];
  const langSelect = byId<HTMLSelectElement>(doc, 'lang');
  const fill = byId<HTMLButtonElement>(doc, 'fill-workbook');
  const reset = byId<HTMLButtonElement>(doc, 'reset-workbook');
  const swapOut = byId<HTMLButtonElement>(doc, 'swap-out');
  const swapIn = byId<HTMLButtonElement>(doc, 'swap-in');
  const status = byId(doc, 'status');
  const statusBox = status.closest<HTMLElement>('.pane__status');
  if (statusBox && typeof statusBox.getBoundingClientRect === 'function') keepFocusClearOf(doc, statusBox);
  const progressBox = byId(doc, 'progress');
  const progressBar = byId<HTMLProgressElement>(doc, 'progress-bar');
  const progressLabel = byId(doc, 'progress-label');

  function setStatus(message: Message, kind: Kind = 'info'): void {
    state.status = message;
    state.kind = kind;
    status.textContent = message(STRINGS[state.lang], state.lang);
    status.dataset['kind'] = kind;
  }

  function progress(fraction: number | null, label?: string): void {
    if (fraction === null) {
      progressBox.hidden = true;
      progressBar.removeAttribute('value');
      return;
    }
    progressBox.hidden = false;
    progressBar.value = Math.max(0, Math.min(1, fraction));
    progressLabel.textContent = label ?? '';
  }

  const api: PaneApi = {
    strings: () => STRINGS[state.lang],
    lang: () => state.lang,
    view: () => state.view,
    run: () => (state.env === 'excel' ? excelRun() : undefined),
    busy: () => state.busy,
    status: (message, kind) => setStatus(message, kind),
    progress,
    async task(fn) {
      const run = api.run();
      if (!run) {
        setStatus((s) => s.notAvailable, 'error');
        return;
      }
      if (state.busy) return;
      state.busy = true;
      renderBusy();
      setStatus((s) => s.working);
      let outcome: { message: Message; kind?: Kind } | void;
      try {
        outcome = await fn(run);
      } catch (err) {
        outcome = { message: errorMessage(err), kind: 'error' };
      }
      await refresh(false);
      progress(null);
      state.busy = false;
      renderBusy();
      setStatus(outcome?.message ?? ((s) => s.done), outcome?.kind ?? 'success');
    },
  };

  const claims = new ClaimsSection(byId(doc, 'claims-body'), api, () => void refresh(true));
  const figures = new FiguresSection(byId(doc, 'figures-body'), api);
  const scenarios = new ScenariosSection(byId(doc, 'scenarios-body'), api);

  function renderBusy(): void {
    const waiting = state.env === 'loading';
    fill.disabled = state.busy || waiting;
    reset.disabled = state.busy || waiting;
    swapOut.disabled = state.busy || waiting;
    swapIn.disabled = state.busy || waiting;
    status.setAttribute('aria-busy', String(state.busy));
    doc.body.dataset['busy'] = String(state.busy);
  }

  function renderSections(): void {
    // Sections re-render their controls: keep keyboard focus on the control that had it, or, when
    // its own action made it go away or disabled it (Undo, a figure's Reset), on the control it names.
    const active = doc.activeElement instanceof HTMLElement ? doc.activeElement : undefined;
    const focused = active?.id || undefined;
    const instead = active?.dataset['thenFocus'];
    claims.render();
    figures.render();
    scenarios.render();
    const again = focused ? doc.getElementById(focused) : null;
    if (focused && doc.activeElement !== again) {
      const usable = again && !(again as HTMLButtonElement).disabled ? again : instead ? doc.getElementById(instead) : null;
      usable?.focus();
    }
    doc.body.dataset['filled'] = String(state.view.filled);
  }

  function render(): void {
    const s = STRINGS[state.lang];
    doc.documentElement.lang = htmlLang(state.lang);
    doc.title = s.title;
    for (const [el, pick] of texts) el.textContent = pick(s);
    // One control: "follow Office" (the default) or an explicit override of Office's display language.
    const follow = langSelect.querySelector<HTMLOptionElement>('option[value="office"]');
    if (follow) follow.textContent = s.followOffice(officeLang === 'zh' ? '中文' : 'English');
    langSelect.value = manualLang ? state.lang : 'office';
    status.textContent = state.status(s, state.lang);
    doc.body.dataset['env'] = state.env;
    renderBusy();
    renderSections();
  }

  /** Feeds the user's edits of the Figures and Scenarios sheets to `refresh` (worksheet events, in Excel and the preview). */
  let watcher: WorkbookWatcher | undefined;

  /** Reads the workbook again and re-renders the sections. */
  async function refresh(announce: boolean): Promise<void> {
    const run = api.run();
    if (!run) return;
    try {
      // the values in use and the user's own rows: a change of either re-computes the sections' results
      const key = (): string => `${valuesKey(state.view.values)}|${userRowsKey(state.view.mine)}`;
      const before = key();
      state.view = await readWorkbook(run);
      if (key() !== before) for (const cb of valuesListeners) cb(state.view.values);
      if (announce) setStatus((s) => s.refreshed, 'info');
    } catch (err) {
      setStatus(errorMessage(err), 'error');
    }
    renderSections();
    // Follow the user's edits from then on; after a fill the sheets may be new, so ask every time (never registers twice).
    watcher ??= createWorkbookWatcher(run, () => void refresh(false));
    await watcher.ensure();
  }

  /** A workbook action as the fill / reset buttons need it: unavailable outside Excel. */
  function fillAction(resetToArticle: boolean): Action {
    return async () => {
      const run = api.run();
      if (!run) return { ok: false, unavailable: true };
      const result = await fillArticle(run, {
        lang: state.lang,
        ...(resetToArticle ? { resetToArticle: true } : {}),
        onProgress: (p) => progress(p.fraction, STRINGS[state.lang][STAGE[p.stage]] as string),
      });
      const reset = result.status === 'written' ? result.reset : undefined;
      // the scenario that was active, named as the pane names scenarios in the language shown
      const was = (lang: Lang): string | undefined => (reset?.scenarioWas === undefined ? undefined : shownScenario(reset.scenarioWas, state.view.scenarios.scenarios, lang));
      return { ok: result.status !== 'conflict', message: (s, lang) => (reset ? s.resetDone(reset.figures.length, was(lang)) : fillMessage(result, s).text) };
    };
  }
  setActions({ fillWorkbook: fillAction(false), resetToArticle: fillAction(true), ...shareActions(() => api.run(), () => state.lang) });

  async function runAction(action: Action): Promise<void> {
    if (state.busy) return;
    state.busy = true;
    renderBusy();
    setStatus((s) => s.working);
    let message: Message;
    let kind: Kind = 'success';
    try {
      const result = await action();
      if (result.message !== undefined) {
        message = result.message;
        kind = result.ok ? 'success' : 'error';
      } else {
        message = (s) => (result.unavailable || !result.ok ? s.notAvailable : s.done);
        kind = result.unavailable || !result.ok ? 'error' : 'success';
      }
    } catch (err) {
      message = errorMessage(err);
      kind = 'error';
    }
    await refresh(false);
    progress(null);
    state.busy = false;
    renderBusy();
    setStatus(message, kind);
  }

  langSelect.addEventListener('change', () => {
    manualLang = langSelect.value !== 'office';
    state.lang = manualLang ? (langSelect.value === 'zh' ? 'zh' : 'en') : officeLang;
    storeLang(manualLang ? state.lang : undefined);
    render();
    for (const cb of langListeners) cb(state.lang);
  });
  fill.addEventListener('click', () => void runAction(getActions().fillWorkbook));
  reset.addEventListener('click', () => void runAction(getActions().resetToArticle));
  swapOut.addEventListener('click', () => void runAction(getActions().swapOut));
  swapIn.addEventListener('click', () => void runAction(getActions().swapIn));

  const ctx: SectionContext = {
    run: (batch) => {
      const run = api.run();
      if (!run) return Promise.reject(new Error(STRINGS[state.lang].notAvailable));
      return run(batch);
    },
    lang: () => state.lang,
    onLanguageChange: (cb) => void langListeners.push(cb),
    // a section's message as data renders in the language shown whenever the status is drawn
    showStatus: (t, kind) => setStatus(typeof t === 'function' ? () => t(state.lang) : () => t, kind),
    progress,
    values: () => state.view.values,
    scenarios: () => state.view.scenarios.scenarios,
    valuesLabel: (lang = state.lang) => valuesLabel(state.view.values, state.view.scenarios.scenarios, lang),
    mine: () => state.view.mine,
    onValuesChange: (cb) => void valuesListeners.push(cb),
  };
  mountStressSection(byId(doc, 'stress-body'), ctx);
  mountExercisesSection(byId(doc, 'exercises-body'), ctx);

  render();

  return {
    /** Called once the host is known. `displayLanguage` is Office.context.displayLanguage. */
    setEnvironment(env: Exclude<Environment, 'loading'>, displayLanguage?: string, preview = false): void {
      // Once known, the host stays; only a late Office.onReady may turn "outside" into Excel.
      if (state.env !== 'loading' && !(state.env === 'outside' && env === 'excel')) return;
      state.env = env;
      state.preview = preview;
      const before = state.lang;
      if (displayLanguage) officeLang = languageFor(displayLanguage);
      if (!manualLang) state.lang = officeLang;
      setStatus((s) => (env === 'excel' ? (preview ? s.readyPreview : s.ready) : s.outsideExcel), 'info');
      render();
      if (state.lang !== before) for (const cb of langListeners) cb(state.lang);
      if (env === 'excel') void refresh(false);
    },
    get lang(): Lang {
      return state.lang;
    },
  };
}

function start(): void {
  connectOffice(initTaskpane(document), (globalThis as unknown as { Office?: OfficeLike }).Office);
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
}
