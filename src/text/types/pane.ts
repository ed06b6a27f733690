/** The task pane's own strings: headings, buttons, status lines. */
import type { ValuesSource } from '../../model/values/index.js';

type Verdict = 'consistent' | 'inconsistent' | 'implausible' | 'unverifiable';

export interface PaneText {
  readonly title: string;
  readonly subtitle: string;
  /** The language picker's default: follow Office's display language (named in its own language). */
  readonly followOffice: (current: string) => string;
  readonly languageLabel: string;
  readonly fillWorkbook: string;
  readonly fillWorkbookHint: string;
  readonly resetWorkbook: string;
  readonly resetWorkbookHint: string;
  /** Share: swap-out and swap-in (src/excel/swap.ts). */
  readonly swapOut: string;
  readonly swapOutHint: string;
  readonly swapIn: string;
  readonly swapInHint: string;
  readonly swappedOut: (native: number, values: number) => string;
  readonly swappedNothing: string;
  /** `kept`: the cells changed since swap-out, listed (empty when none). */
  readonly swappedIn: (restored: number, kept: string) => string;
  readonly alreadySwappedOut: string;
  readonly notSwappedOut: string;
  readonly statusHeading: string;
  readonly loading: string;
  readonly ready: string;
  readonly readyPreview: string;
  readonly outsideExcel: string;
  readonly working: string;
  readonly notAvailable: string;
  readonly done: string;
  readonly failed: (message: string) => string;
  readonly functionsHint: string;
  readonly progressLabel: string;
  readonly stageInspect: string;
  readonly stageRead: string;
  readonly stageWrite: string;
  readonly stageDone: string;
  readonly fillWritten: (sheets: number, names: number, cells: number, kept: number) => string;
  readonly fillUnchanged: string;
  readonly resetDone: (figures: number, scenarioWas: string | undefined) => string;
  /** Which values every result is computed at. */
  readonly valuesInUse: (source: ValuesSource) => string;
  /** The active-scenario cell names no scenario. */
  readonly unknownScenario: (text: string, inUse: string) => string;
  readonly conflict: (list: string, count?: number) => string;
  readonly conflictSheet: (name: string) => string;
  readonly conflictName: (name: string) => string;
  readonly notFilled: string;
  readonly refresh: string;
  readonly refreshed: string;
  // Claims
  readonly claimsHeading: string;
  readonly claimsSummary: (counts: string) => string;
  readonly verdict: (verdict: Verdict | string) => string;
  readonly reasonLabel: string;
  readonly marginLabel: string;
  readonly marginNone: string;
  readonly goToCell: string;
  readonly goToCellLabel: (id: string) => string;
  readonly wentTo: (address: string) => string;
  readonly paragraphShort: (list: string) => string;
  // Figures
  readonly figuresHeading: string;
  readonly searchLabel: string;
  readonly searchPlaceholder: string;
  readonly figuresCount: (shown: number, total: number) => string;
  readonly asWritten: (paragraph: number, token: string) => string;
  readonly articleValue: string;
  readonly baseValue: string;
  readonly inUseValue: string;
  readonly baseValueLabel: (id: string) => string;
  readonly setBase: string;
  readonly setBaseLabel: (id: string) => string;
  readonly resetBase: string;
  readonly resetBaseLabel: (id: string) => string;
  readonly baseWritten: (id: string, address: string) => string;
  readonly baseReset: (id: string) => string;
  readonly badNumber: (id: string, text: string, unit: string) => string;
  readonly edited: string;
  // Scenarios
  readonly scenariosHeading: string;
  readonly activeScenarioLabel: string;
  readonly activeSwitched: (name: string) => string;
  /** How the baseline scenario (key `Article`) is shown. */
  readonly baselineName: string;
  readonly baselineNote: string;
  readonly scenarioListLabel: string;
  readonly overridesCount: (n: number) => string;
  readonly manageHeading: string;
  readonly scenarioPickLabel: string;
  readonly scenarioNameLabel: string;
  readonly create: string;
  readonly duplicate: string;
  readonly rename: string;
  readonly deleteScenario: string;
  readonly undoDelete: (name: string) => string;
  readonly created: (name: string) => string;
  readonly duplicated: (name: string) => string;
  readonly renamed: (from: string, to: string) => string;
  readonly deleted: (name: string) => string;
  readonly restored: (name: string) => string;
  readonly needName: string;
  readonly needScenario: string;
  readonly overrideHeading: string;
  readonly overrideFigureLabel: string;
  readonly overrideValueLabel: string;
  readonly setOverride: string;
  readonly clearOverride: string;
  readonly overrideSet: (scenario: string, id: string) => string;
  readonly overrideCleared: (scenario: string, id: string) => string;
  readonly compareHeading: string;
  readonly compareA: string;
  readonly compareB: string;
  readonly compare: string;
  readonly inputsDiffer: string;
  readonly verdictsChange: string;
  readonly noInputsDiffer: string;
  readonly noVerdictsChange: string;
  readonly asBaseline: string;
  readonly importLabel: string;
  readonly importHint: string;
  readonly exportScenarios: string;
  readonly imported: (n: number) => string;
  readonly importRejected: (problems: string) => string;
  readonly exported: (file: string) => string;
  readonly scenarioProblem: (problems: string) => string;
  // Other sections
  readonly stressHeading: string;
  readonly exercisesHeading: string;
}
