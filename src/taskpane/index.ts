/**
 * Task pane shell: bilingual (en / zh-CN), works inside Excel and outside (plain browser preview).
 * The workbook actions come from ./actions.js; this module only renders and reports status.
 */
import { getActions, type Action } from './actions.js';
import { STRINGS, htmlLang, languageFor, type Lang, type Strings } from './i18n.js';

const LANG_KEY = 'claimcell.lang';
/** How long to wait for Office.onReady before assuming we are not inside Office. */
const OFFICE_READY_TIMEOUT_MS = 5000;

type Environment = 'loading' | 'excel' | 'outside';

interface State {
  lang: Lang;
  env: Environment;
  /** The last status message key or a literal message, re-rendered on language switch. */
  status: { key: keyof Strings } | { text: (s: Strings) => string };
  busy: boolean;
}

function storedLang(): Lang | undefined {
  try {
    const v = globalThis.localStorage?.getItem(LANG_KEY);
    return v === 'en' || v === 'zh' ? v : undefined;
  } catch {
    return undefined;
  }
}

function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    /* storage may be unavailable (private mode, sandboxed webview) */
  }
}

function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`taskpane.html is missing #${id}`);
  return el as T;
}

/** Wires the shell into `doc`; returns a handle used by tests and by the Office.onReady glue. */
export function initTaskpane(doc: Document = document) {
  const state: State = {
    lang: storedLang() ?? languageFor(globalThis.navigator?.language),
    env: 'loading',
    status: { key: 'loading' },
    busy: false,
  };
  let manualLang = storedLang() !== undefined;

  const title = byId(doc, 'title');
  const subtitle = byId(doc, 'subtitle');
  const langLabel = byId(doc, 'lang-label');
  const langSelect = byId<HTMLSelectElement>(doc, 'lang');
  const fill = byId<HTMLButtonElement>(doc, 'fill-workbook');
  const fillHint = byId(doc, 'fill-workbook-hint');
  const reset = byId<HTMLButtonElement>(doc, 'reset-workbook');
  const resetHint = byId(doc, 'reset-workbook-hint');
  const statusHeading = byId(doc, 'status-heading');
  const status = byId(doc, 'status');
  const functionsHint = byId(doc, 'functions-hint');

  function statusText(s: Strings): string {
    const st = state.status;
    if ('text' in st) return st.text(s);
    const v = s[st.key];
    return typeof v === 'string' ? v : '';
  }

  function render(): void {
    const s = STRINGS[state.lang];
    doc.documentElement.lang = htmlLang(state.lang);
    doc.title = s.title;
    title.textContent = s.title;
    subtitle.textContent = s.subtitle;
    langLabel.textContent = s.languageLabel;
    langSelect.value = state.lang;
    fill.textContent = s.fillWorkbook;
    fillHint.textContent = s.fillWorkbookHint;
    reset.textContent = s.resetWorkbook;
    resetHint.textContent = s.resetWorkbookHint;
    statusHeading.textContent = s.statusHeading;
    functionsHint.textContent = s.functionsHint;
    status.textContent = statusText(s);
    doc.body.dataset['env'] = state.env;
    fill.disabled = state.busy;
    reset.disabled = state.busy;
    status.setAttribute('aria-busy', String(state.busy));
  }

  function setStatus(next: State['status']): void {
    state.status = next;
    render();
  }

  async function run(action: Action): Promise<void> {
    if (state.busy) return;
    state.busy = true;
    setStatus({ key: 'working' });
    try {
      const result = await action();
      state.busy = false;
      if (result.message !== undefined) {
        const message = result.message;
        setStatus({ text: () => message });
      } else {
        setStatus({ key: result.unavailable ? 'notAvailable' : result.ok ? 'done' : 'notAvailable' });
      }
    } catch (err) {
      state.busy = false;
      const message = err instanceof Error ? err.message : String(err);
      setStatus({ text: (s) => s.failed(message) });
    }
  }

  langSelect.addEventListener('change', () => {
    state.lang = langSelect.value === 'zh' ? 'zh' : 'en';
    manualLang = true;
    storeLang(state.lang);
    render();
  });
  fill.addEventListener('click', () => void run(getActions().fillWorkbook));
  reset.addEventListener('click', () => void run(getActions().resetToArticle));

  render();

  return {
    /** Called once the host is known. `displayLanguage` is Office.context.displayLanguage. */
    setEnvironment(env: Exclude<Environment, 'loading'>, displayLanguage?: string): void {
      if (state.env !== 'loading') return;
      state.env = env;
      if (!manualLang && displayLanguage) state.lang = languageFor(displayLanguage);
      setStatus({ key: env === 'excel' ? 'ready' : 'outsideExcel' });
    },
    get lang(): Lang {
      return state.lang;
    },
  };
}

/** Office.onReady, guarded: office.js may be missing (offline preview) or never report a host. */
function connectOffice(shell: ReturnType<typeof initTaskpane>): void {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office === undefined || typeof office.onReady !== 'function') {
    shell.setEnvironment('outside');
    return;
  }
  const timer = setTimeout(() => shell.setEnvironment('outside'), OFFICE_READY_TIMEOUT_MS);
  office
    .onReady()
    .then((info) => {
      clearTimeout(timer);
      if (info.host === office.HostType.Excel) {
        shell.setEnvironment('excel', office.context?.displayLanguage);
      } else {
        shell.setEnvironment('outside');
      }
    })
    .catch(() => {
      clearTimeout(timer);
      shell.setEnvironment('outside');
    });
}

function start(): void {
  connectOffice(initTaskpane(document));
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
}
