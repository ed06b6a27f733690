/**
 * The preview page: a simulated Excel workbook (grid) beside the REAL task pane (iframe running
 * src/taskpane behind ./office-shim.ts). `npm start` serves it at /preview/.
 *
 *   /preview/              Office.context.displayLanguage = the browser's language
 *   /preview/?lang=zh-CN   Office.context.displayLanguage = zh-CN
 *
 * The page has no language picker of its own: the task pane's picker is the one control (it follows
 * Office's display language, simulated by ?lang=, unless the user overrides it there).
 */
import { BRIDGE_KEY, type PreviewBridge } from './bridge.js';
import { WorkbookGrid } from './grid.js';
import { createPreviewHost } from './host.js';
import { installSelectionHooks } from './selection-hooks.js';
import { renderChrome } from './chrome.js';
import { languageFor, textFor } from '../text/index.js';

function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`preview index.html is missing #${id}`);
  return e as T;
}

function start(): void {
  const params = new URLSearchParams(location.search);
  const displayLanguage = params.get('lang') ?? navigator.language ?? 'en-US';
  const lang = languageFor(displayLanguage);
  const text = textFor(lang).preview;
  renderChrome(document, lang, text);
  const host = createPreviewHost();
  const grid = new WorkbookGrid(host, {
    tabs: byId('sheet-tabs'),
    grid: byId<HTMLTableElement>('grid'),
    gridWrap: byId('grid-wrap'),
    nameBox: byId('name-box'),
    formulaBar: byId<HTMLInputElement>('formula-bar'),
    names: byId('names'),
    activeScenario: byId('active-scenario'),
    message: byId('grid-message'),
  }, text);
  installSelectionHooks({
    activate: (sheet) => grid.activateSheet(sheet),
    select: (sheet, rect) => requestAnimationFrame(() => grid.selectRange(sheet, rect)),
  });

  const bridge: PreviewBridge = {
    async run(options, batch) {
      try {
        return await host.run(options, batch);
      } finally {
        grid.invalidate();
      }
    },
    enums: host.enums as unknown as Record<string, unknown>,
    displayLanguage,
  };
  (window as unknown as Record<string, unknown>)[BRIDGE_KEY] = bridge;
  (window as unknown as Record<string, unknown>)['__claimcellHost'] = host; // for tests and the console

  const frame = byId<HTMLIFrameElement>('taskpane');
  // The iframe loads only once the bridge exists.
  frame.src = `taskpane.html?lang=${encodeURIComponent(displayLanguage)}`;
  grid.render();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
