/**
 * Preview/test only: stands in for office.js in the task pane iframe of the preview. Provides
 * `Office.onReady` (resolving at once with host Excel), `Office.context.displayLanguage`, and an
 * `Excel` global whose `run` is the parent page's simulated workbook. Opened on its own (no
 * preview parent), it reports no host, so the task pane says it is running outside Excel.
 * Bundled only by webpack.preview.config.js, in front of src/taskpane/index.ts.
 */
import { BRIDGE_KEY, type PreviewBridge } from './bridge.js';

function findBridge(): PreviewBridge | undefined {
  try {
    if (window.parent === window) return undefined;
    return (window.parent as unknown as Record<string, PreviewBridge | undefined>)[BRIDGE_KEY];
  } catch {
    return undefined; // cross-origin parent
  }
}

const bridge = findBridge();
const params = new URLSearchParams(location.search);
const displayLanguage = params.get('lang') ?? bridge?.displayLanguage ?? navigator.language ?? 'en-US';
const info = { host: bridge ? 'Excel' : null, platform: bridge ? 'OfficeOnline' : null };

const office = {
  HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
  context: {
    displayLanguage,
    contentLanguage: displayLanguage,
    requirements: { isSetSupported: (): boolean => bridge !== undefined },
  },
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    callback?.(info);
    return Promise.resolve(info);
  },
  /** Marks this as the preview's stand-in (the task pane may say "preview" instead of "Excel"). */
  __preview: true,
};

const scope = globalThis as Record<string, unknown>;
scope['Office'] = office;
if (bridge) {
  // The pane follows grid edits as in Excel: through worksheet onChanged events of the simulated host.
  scope['Excel'] = { ...bridge.enums, run: bridge.run };
}

export {};
