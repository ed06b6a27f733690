/** Every string the task pane shows, in English and Simplified Chinese. */
import type { ValuesSource } from '../model/values/index.js';

export type Lang = 'en' | 'zh';

type Verdict = 'consistent' | 'inconsistent' | 'implausible' | 'unverifiable';

export interface Strings {
  readonly title: string;
  readonly subtitle: string;
  readonly languageLabel: string;
  readonly fillWorkbook: string;
  readonly fillWorkbookHint: string;
  readonly resetWorkbook: string;
  readonly resetWorkbookHint: string;
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

export const STRINGS: Readonly<Record<Lang, Strings>> = {
  en: {
    title: 'ClaimCell',
    subtitle: 'Recompute and stress-test the numbers of a published argument.',
    languageLabel: 'Language',
    fillWorkbook: 'Fill workbook',
    fillWorkbookHint: 'Write the claim sheets and formulas into this workbook.',
    resetWorkbook: 'Reset to article values',
    resetWorkbookHint: 'Put every input back to the value the article states.',
    statusHeading: 'Status',
    loading: 'Loading…',
    ready: 'Connected to Excel. Ready.',
    readyPreview: 'Connected to the simulated workbook (preview). Ready.',
    outsideExcel: 'Running outside Excel.',
    working: 'Working…',
    notAvailable: 'Not available yet.',
    done: 'Done.',
    failed: (message) => `Failed: ${message}`,
    functionsHint: 'Type =CLAIM. in a cell to see the custom functions.',
    progressLabel: 'Progress',
    stageInspect: 'Looking at the workbook…',
    stageRead: 'Reading your edits…',
    stageWrite: 'Writing sheets and names…',
    stageDone: 'Finished.',
    fillWritten: (sheets, names, cells, kept) =>
      `Workbook filled: ${sheets} sheets, ${names} names, ${cells} cells.${kept ? ` Kept ${kept} of your edited values.` : ''}`,
    fillUnchanged: 'The workbook is already up to date.',
    resetDone: (n, was) =>
      `${n === 0 ? 'No figure was edited' : `${n} edited figure${n === 1 ? '' : 's'} set back to the article’s value${n === 1 ? '' : 's'}`}; Article is the active scenario${was ? ` (it was “${was}”)` : ''}.`,
    valuesInUse: (v) =>
      v.code === 'article'
        ? 'Values: Article'
        : v.code === 'scenario'
          ? `Values: scenario “${v.name}”${v.edited ? `, ${v.edited} figure${v.edited === 1 ? '' : 's'} edited` : ''}`
          : `Values: workbook, ${v.edited} figure${v.edited === 1 ? '' : 's'} edited`,
    unknownScenario: (text, inUse) => `The active-scenario cell (Scenarios!B1) holds “${text}”, which is no scenario; the workbook uses “${inUse}”.`,
    conflict: (list, count) =>
      count === 1
        ? `Nothing was written: ${list} already exists in this workbook and was not made by ClaimCell. Rename or delete it (or use a new workbook), then press Fill workbook again.`
        : `Nothing was written: ${list} already exist in this workbook and were not made by ClaimCell. Rename or delete them (or use a new workbook), then press Fill workbook again.`,
    conflictSheet: (name) => `sheet “${name}”`,
    conflictName: (name) => `name “${name}”`,
    notFilled: 'The workbook has no ClaimCell sheets yet: press Fill workbook first.',
    refresh: 'Refresh from workbook',
    refreshed: 'Read the workbook again.',
    claimsHeading: 'Claims',
    claimsSummary: (counts) => `Verdicts under the values in use: ${counts}.`,
    verdict: (v) => ({ consistent: 'Consistent', inconsistent: 'Inconsistent', implausible: 'Implausible', unverifiable: 'Unverifiable' } as Record<string, string>)[v] ?? v,
    reasonLabel: 'Why',
    marginLabel: 'Margin to flip',
    marginNone: 'no single input flips it',
    goToCell: 'Go to cell',
    goToCellLabel: (id) => `Go to cell: ${id} in the Claims sheet`,
    wentTo: (address) => `Selected ${address}.`,
    paragraphShort: (list) => `¶ ${list}`,
    figuresHeading: 'Figures',
    searchLabel: 'Search figures',
    searchPlaceholder: 'id, label or number as written',
    figuresCount: (shown, total) => `${shown} of ${total} figures`,
    asWritten: (paragraph, token) => `¶ ${paragraph} · written “${token}”`,
    articleValue: 'Article',
    baseValue: 'Base value',
    inUseValue: 'In use',
    baseValueLabel: (id) => `Base value of ${id}`,
    setBase: 'Set',
    setBaseLabel: (id) => `Set base value of ${id}`,
    resetBase: 'Reset',
    resetBaseLabel: (id) => `Reset ${id} to the article’s value`,
    baseWritten: (id, address) => `${id}: base value written to ${address}.`,
    baseReset: (id) => `${id} is back to the article’s value.`,
    badNumber: (id, text, unit) => `“${text}” is not a valid value for ${id}: enter a number in ${unit} (e.g. 12.5, 25% or 2025-10-01 for dates).`,
    edited: 'edited',
    scenariosHeading: 'Scenarios',
    activeScenarioLabel: 'Active scenario',
    activeSwitched: (name) => `Active scenario: ${name}. Every claim recalculated.`,
    baselineNote: 'Article is the baseline: the values the article states.',
    scenarioListLabel: 'Scenarios in this workbook',
    overridesCount: (n) => (n === 1 ? '1 changed input' : `${n} changed inputs`),
    manageHeading: 'Create and edit',
    scenarioPickLabel: 'Scenario',
    scenarioNameLabel: 'New name',
    create: 'Create',
    duplicate: 'Duplicate',
    rename: 'Rename',
    deleteScenario: 'Delete',
    undoDelete: (name) => `Undo delete of “${name}”`,
    created: (name) => `Created scenario “${name}”.`,
    duplicated: (name) => `Created “${name}” as a copy.`,
    renamed: (from, to) => `Renamed “${from}” to “${to}”.`,
    deleted: (name) => `Deleted “${name}”. Use Undo to bring it back.`,
    restored: (name) => `Restored “${name}”.`,
    needName: 'Type a name for the scenario first.',
    needScenario: 'Pick a scenario other than Article first (Article is the baseline and cannot be edited).',
    overrideHeading: 'Override an input',
    overrideFigureLabel: 'Input (figure)',
    overrideValueLabel: 'Value',
    setOverride: 'Set override',
    clearOverride: 'Clear override',
    overrideSet: (scenario, id) => `“${scenario}”: ${id} overridden.`,
    overrideCleared: (scenario, id) => `“${scenario}”: ${id} back to the baseline.`,
    compareHeading: 'Compare two scenarios',
    compareA: 'First',
    compareB: 'Second',
    compare: 'Compare',
    inputsDiffer: 'Inputs that differ',
    verdictsChange: 'Verdicts that change',
    noInputsDiffer: 'No input differs.',
    noVerdictsChange: 'No verdict changes.',
    asBaseline: 'as baseline',
    importLabel: 'Import scenarios (JSON file)',
    importHint: 'Replaces the workbook’s scenarios; the whole file is checked first.',
    exportScenarios: 'Export scenarios (JSON)',
    imported: (n) => `Imported ${n} scenarios.`,
    importRejected: (problems) => `The file was not imported; fix these and import it again: ${problems}`,
    exported: (file) => `Downloaded ${file}.`,
    scenarioProblem: (problems) => `Not done: ${problems}`,
    stressHeading: 'Stress tests',
    exercisesHeading: 'Exercises',
  },
  zh: {
    title: 'ClaimCell 论断核算',
    subtitle: '重新计算并压力测试已发表论证中的数字。',
    languageLabel: '语言',
    fillWorkbook: '填充工作簿',
    fillWorkbookHint: '将论断工作表和公式写入此工作簿。',
    resetWorkbook: '恢复为文章数值',
    resetWorkbookHint: '将每个输入恢复为文章所述的数值。',
    statusHeading: '状态',
    loading: '正在加载…',
    ready: '已连接到 Excel，准备就绪。',
    readyPreview: '已连接到模拟工作簿（预览），准备就绪。',
    outsideExcel: '当前不在 Excel 中运行。',
    working: '正在处理…',
    notAvailable: '暂不可用。',
    done: '完成。',
    failed: (message) => `失败：${message}`,
    functionsHint: '在单元格中输入 =CLAIM. 查看自定义函数。',
    progressLabel: '进度',
    stageInspect: '正在检查工作簿…',
    stageRead: '正在读取您的修改…',
    stageWrite: '正在写入工作表和名称…',
    stageDone: '已完成。',
    fillWritten: (sheets, names, cells, kept) =>
      `工作簿已填充：${sheets} 个工作表、${names} 个名称、${cells} 个单元格。${kept ? `保留了您修改的 ${kept} 个数值。` : ''}`,
    fillUnchanged: '工作簿已是最新。',
    resetDone: (n, was) => `${n === 0 ? '没有被改动的数字' : `${n} 个改动过的数字已恢复为文章数值`}；当前情景为 Article${was ? `（原为“${was}”）` : ''}。`,
    valuesInUse: (v) =>
      v.code === 'article'
        ? '数值：文章原值'
        : v.code === 'scenario'
          ? `数值：情景“${v.name}”${v.edited ? `，改动 ${v.edited} 个数字` : ''}`
          : `数值：工作簿，改动 ${v.edited} 个数字`,
    unknownScenario: (text, inUse) => `当前情景单元格（Scenarios!B1）为“${text}”，并非任何情景；工作簿实际使用“${inUse}”。`,
    conflict: (list) => `未写入任何内容：此工作簿中已有${list}，且并非由 ClaimCell 创建。请将其重命名或删除（或使用新工作簿），然后再次点击“填充工作簿”。`,
    conflictSheet: (name) => `工作表“${name}”`,
    conflictName: (name) => `名称“${name}”`,
    notFilled: '工作簿中还没有 ClaimCell 工作表：请先点击“填充工作簿”。',
    refresh: '从工作簿刷新',
    refreshed: '已重新读取工作簿。',
    claimsHeading: '论断',
    claimsSummary: (counts) => `按当前使用的数值判定：${counts}。`,
    verdict: (v) => ({ consistent: '一致', inconsistent: '不一致', implausible: '不合常理', unverifiable: '无法核实' } as Record<string, string>)[v] ?? v,
    reasonLabel: '理由',
    marginLabel: '翻转余量',
    marginNone: '单个输入无法使其翻转',
    goToCell: '定位单元格',
    goToCellLabel: (id) => `定位单元格：Claims 工作表中的 ${id}`,
    wentTo: (address) => `已选中 ${address}。`,
    paragraphShort: (list) => `第 ${list} 段`,
    figuresHeading: '数据',
    searchLabel: '搜索数据',
    searchPlaceholder: 'id、说明或原文数字',
    figuresCount: (shown, total) => `显示 ${shown} / ${total} 项数据`,
    asWritten: (paragraph, token) => `第 ${paragraph} 段 · 原文“${token}”`,
    articleValue: '文章值',
    baseValue: '基准值',
    inUseValue: '当前使用值',
    baseValueLabel: (id) => `${id} 的基准值`,
    setBase: '设置',
    setBaseLabel: (id) => `设置 ${id} 的基准值`,
    resetBase: '恢复',
    resetBaseLabel: (id) => `恢复 ${id} 为文章中的数值`,
    baseWritten: (id, address) => `${id}：基准值已写入 ${address}。`,
    baseReset: (id) => `${id} 已恢复为文章中的数值。`,
    badNumber: (id, text, unit) => `“${text}”不是 ${id} 的有效数值：请输入以“${unit}”为单位的数字（例如 12.5、25%，日期如 2025-10-01）。`,
    edited: '已修改',
    scenariosHeading: '情景',
    activeScenarioLabel: '当前情景',
    activeSwitched: (name) => `当前情景：${name}。所有论断已重新计算。`,
    baselineNote: 'Article 为基准情景，即文章所述的数值。',
    scenarioListLabel: '此工作簿中的情景',
    overridesCount: (n) => `${n} 个输入已更改`,
    manageHeading: '新建与编辑',
    scenarioPickLabel: '情景',
    scenarioNameLabel: '新名称',
    create: '新建',
    duplicate: '复制',
    rename: '重命名',
    deleteScenario: '删除',
    undoDelete: (name) => `撤销删除“${name}”`,
    created: (name) => `已新建情景“${name}”。`,
    duplicated: (name) => `已复制为“${name}”。`,
    renamed: (from, to) => `已将“${from}”重命名为“${to}”。`,
    deleted: (name) => `已删除“${name}”。可点击“撤销”恢复。`,
    restored: (name) => `已恢复“${name}”。`,
    needName: '请先输入情景名称。',
    needScenario: '请先选择 Article 以外的情景（Article 为基准，不能编辑）。',
    overrideHeading: '覆盖某个输入',
    overrideFigureLabel: '输入（数据项）',
    overrideValueLabel: '数值',
    setOverride: '设置覆盖值',
    clearOverride: '清除覆盖值',
    overrideSet: (scenario, id) => `“${scenario}”：已覆盖 ${id}。`,
    overrideCleared: (scenario, id) => `“${scenario}”：${id} 已恢复为基准。`,
    compareHeading: '比较两个情景',
    compareA: '情景一',
    compareB: '情景二',
    compare: '比较',
    inputsDiffer: '不同的输入',
    verdictsChange: '变化的判定',
    noInputsDiffer: '没有不同的输入。',
    noVerdictsChange: '没有判定发生变化。',
    asBaseline: '同基准',
    importLabel: '导入情景（JSON 文件）',
    importHint: '将替换工作簿中的情景；导入前会先检查整个文件。',
    exportScenarios: '导出情景（JSON）',
    imported: (n) => `已导入 ${n} 个情景。`,
    importRejected: (problems) => `文件未导入；请修正以下问题后重新导入：${problems}`,
    exported: (file) => `已下载 ${file}。`,
    scenarioProblem: (problems) => `未完成：${problems}`,
    stressHeading: '压力测试',
    exercisesHeading: '练习',
  },
};

/** Maps an Office / BCP-47 language tag (`zh-CN`, `zh-Hans`, `en-US`…) to a supported language. */
export function languageFor(tag: string | undefined | null): Lang {
  return tag !== undefined && tag !== null && /^zh\b/i.test(tag) ? 'zh' : 'en';
}

/** BCP-47 tag to put in `<html lang>` for a language. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
