/** What the task pane's own sections (Claims, Figures, Scenarios) share with the shell. */
import type { ExcelRun } from '../excel/types.js';
import type { FillResult } from '../excel/fill.js';
import type { Lang, Strings } from './i18n.js';
import type { WorkbookView } from './workbook.js';

export type Kind = 'info' | 'error' | 'success';
/** A message that re-renders in the current language (a switch re-renders the one shown). */
export type Message = (s: Strings, lang: Lang) => string;

export interface PaneApi {
  strings(): Strings;
  lang(): Lang;
  view(): WorkbookView;
  /** Excel.run when inside Excel (or the preview), else undefined. */
  run(): ExcelRun | undefined;
  /** True while a workbook task runs. */
  busy(): boolean;
  /**
   * Runs a workbook task with the busy state, a "Working…" status, errors turned into messages,
   * and a fresh read of the workbook afterwards. The task returns the message to show.
   */
  task(fn: (run: ExcelRun) => Promise<{ message: Message; kind?: Kind } | void>): Promise<void>;
  status(message: Message, kind: Kind): void;
  progress(fraction: number | null, label?: string): void;
}

/** Which sheets / names are in the way, as a sentence that says what to do. */
export function fillMessage(result: FillResult, s: Strings): { text: string; kind: Kind } {
  if (result.status === 'conflict') {
    const list = result.conflicts.map((c) => (c.kind === 'sheet' ? s.conflictSheet(c.name) : s.conflictName(c.name))).join(', ');
    return { text: s.conflict(list, result.conflicts.length), kind: 'error' };
  }
  if (result.status === 'unchanged') return { text: s.fillUnchanged, kind: 'success' };
  return { text: s.fillWritten(result.sheets, result.names, result.cells, result.keptEdits.length), kind: 'success' };
}
