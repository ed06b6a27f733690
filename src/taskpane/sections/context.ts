/**
 * What the task pane hands to a section module (Stress, Exercises…) it mounts. A section owns the
 * container it is given and talks to the workbook only through `run` (Excel.run in Office, the
 * simulated host in the preview).
 */
import type { ExcelRun } from '../../excel/types.js';
import type { Scenario } from '../../model/scenarios/index.js';
import type { ReadTables } from '../../model/user/index.js';
import type { ValuesInUse } from '../../model/values/index.js';

export type { ExcelRun };
export type SectionLang = 'en' | 'zh';
export type StatusKind = 'info' | 'error' | 'success';
/** A status kept as data until shown: rendered in the pane's language now, and again after a switch. */
export type SectionMessage = (lang: SectionLang) => string;

export interface SectionContext {
  /** Excel.run (or the preview's simulated host with the same contract). */
  readonly run: ExcelRun;
  /** The task pane's current language. */
  lang(): SectionLang;
  /** Called with the new language whenever the user (or Office) switches it. */
  onLanguageChange(cb: (lang: SectionLang) => void): void;
  /**
   * Shows a message in the task pane's live status region (announced to screen readers). A
   * `SectionMessage` re-renders when the language switches; a string stays as it was given.
   */
  showStatus(text: string | SectionMessage, kind: StatusKind): void;
  /** Shows the shared progress bar: a fraction 0..1, `null` to hide it; optional label. */
  progress(fraction: number | null, label?: string): void;
  /** The values in use, as last read from the workbook (the article's outside Excel). */
  values(): ValuesInUse;
  /** The workbook's scenarios as last read (the shipped ones outside Excel): what the active scenario is looked up in. */
  scenarios(): readonly Scenario[];
  /** The values in use, labelled in the pane's language, or in `lang` ("Values: scenario “High”"). */
  valuesLabel(lang?: SectionLang): string;
  /** The user's MyFigures/MyClaims rows as last read from the workbook (none outside Excel). */
  mine(): ReadTables;
  /** Called after a refresh that changed the values in use or the user's rows. */
  onValuesChange(cb: (values: ValuesInUse) => void): void;
}
