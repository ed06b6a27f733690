/**
 * What the task pane hands to a section module (Stress, Exercises…) it mounts. A section owns the
 * container it is given and talks to the workbook only through `run` (Excel.run in Office, the
 * simulated host in the preview).
 */
import type { ExcelRun } from '../../excel/types.js';
import type { ReadTables } from '../../model/user/index.js';
import type { ValuesInUse } from '../../model/values/index.js';

export type { ExcelRun };
export type SectionLang = 'en' | 'zh';
export type StatusKind = 'info' | 'error' | 'success';

export interface SectionContext {
  /** Excel.run (or the preview's simulated host with the same contract). */
  readonly run: ExcelRun;
  /** The task pane's current language. */
  lang(): SectionLang;
  /** Called with the new language whenever the user (or Office) switches it. */
  onLanguageChange(cb: (lang: SectionLang) => void): void;
  /**
   * Shows a message in the task pane's live status region (announced to screen readers). Given as
   * a function of the language, it is rendered again when the language is switched while shown.
   */
  showStatus(text: string | ((lang: SectionLang) => string), kind: StatusKind): void;
  /** Shows the shared progress bar: a fraction 0..1, `null` to hide it; optional label. */
  progress(fraction: number | null, label?: string): void;
  /** The values in use, as last read from the workbook (the article's outside Excel). */
  values(): ValuesInUse;
  /** The values in use, labelled in the pane's language ("Values: scenario “High”"). */
  valuesLabel(): string;
  /** The user's MyFigures/MyClaims rows as last read from the workbook (none outside Excel). */
  mine(): ReadTables;
  /** Called after a refresh that changed the values in use or the user's rows. */
  onValuesChange(cb: (values: ValuesInUse) => void): void;
}
