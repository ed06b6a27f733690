/**
 * The preview page's own words (title, header, formula bar, side panel, tab strip, the pane's
 * frame) in Office's display language, from the one catalogue (src/text, area `preview`). The
 * preview stands in for Excel's window, and a Chinese Excel shows Chinese chrome whatever language
 * the add-in picks, so this follows `?lang=` only, never the pane's own language picker.
 */
import { htmlLang, type Lang, type PreviewText } from '../text/index.js';

type Words = { [K in keyof PreviewText]: PreviewText[K] extends string ? K : never }[keyof PreviewText];

/** Element id, where its words go, and which words. */
const CHROME: readonly (readonly [id: string, where: 'text' | 'aria-label' | 'title', words: Words])[] = [
  ['preview-heading', 'text', 'heading'],
  ['preview-note', 'text', 'note'],
  ['workbook', 'aria-label', 'workbookLabel'],
  ['name-box', 'aria-label', 'nameBoxLabel'],
  ['formula-bar', 'aria-label', 'formulaBarLabel'],
  ['workbook-details', 'aria-label', 'detailsLabel'],
  ['active-scenario-heading', 'text', 'activeScenario'],
  ['names-heading', 'text', 'definedNames'],
  ['sheet-tabs', 'aria-label', 'sheetTabsLabel'],
  ['taskpane', 'title', 'paneFrameTitle'],
];

export function renderChrome(doc: Document, lang: Lang, text: PreviewText): void {
  doc.documentElement.lang = htmlLang(lang);
  doc.title = text.pageTitle;
  for (const [id, where, words] of CHROME) {
    const e = doc.getElementById(id);
    if (!e) throw new Error(`preview index.html is missing #${id}`);
    if (where === 'text') e.textContent = text[words];
    else e.setAttribute(where, text[words]);
  }
}
