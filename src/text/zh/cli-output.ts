import type { CliOutputText } from '../types/cli-output.js';
import { sheets } from './sheets.js';

const FIGURE_HEADERS = sheets.figures;

/** One word for a warning, for every warning the CLI prints. */
const warning = (text: string): string => `注意：${text}`;

export const cliOutput: CliOutputText = {
  field: (label, value) => `${label}：${value}`,
  noValue: '—',
  warning,
  values: {
    article: '数值：文章原值',
    scenario: (name, edited) => `数值：情景“${name}”${edited ? `，改动 ${edited} 个数字` : ''}`,
    edited: (n, ids) => `数值：改动 ${n} 个数字（${ids}）`,
    unknownScenarioCell: (file, name) => `${file}：当前情景单元格写的是“${name}”，没有这个情景；各数字按基准值计算`,
  },
  figure: {
    // the Figures sheet's words: there 说明 is the label and 来源说明 the source note
    labels: { id: 'ID', value: '数值', kind: '类型', period: FIGURE_HEADERS.period, paragraph: '段', asWritten: FIGURE_HEADERS.asWritten, label: FIGURE_HEADERS.label, note: FIGURE_HEADERS.sourceNote, range: '区间' },
    kinds: { level: '水平值', change: '变化量', rate: '比率', share: '占比', count: '计数', duration: '时长', date: '日期', target: '目标值', threshold: '阈值' },
    range: (role, pair) => `${role === 'low' ? '下限' : '上限'}；另一端为 ${pair}`,
    otherLabel: FIGURE_HEADERS.otherLabel,
    showsOtherLabel: false,
  },
  claim: {
    paragraph: (list) => `（第 ${list} 段）`,
    figures: '数字',
    references: '参考数据',
    recomputed: '重算值',
    article: '文中数值',
    check: (n) => `检验 ${n}`,
    holds: '成立',
    doesNotMatch: '不吻合',
    fails: (verdict) => `不成立（${verdict}）`,
    error: (message) => `出错：${message}`,
    explainsOnly: '［仅作说明］',
    decided: '［决定判定］',
    why: '依据：',
    verdict: '判定',
    reason: '理由',
    margins: '翻转余量',
    listJoin: '；',
  },
  stress: {
    tornadoHead: (claim, pct, base, values) => `${claim}：龙卷风分析（未给区间的输入按 ±${pct}%）；基准结果 ${base}；${values}`,
    tornadoColumns: ['输入', '低值', '高值', '低值时结果', '高值时结果', '波动', '低/高值时判定'],
    holds: '成立',
    fails: '不成立',
    twoWayHead: (claim, rows, columns, values) => `${claim}：行 = ${rows}，列 = ${columns}；${values}`,
    ok: ' 成立',
    no: ' 不成立',
    breakEvenHead: (claim, input, target, values) => `${claim}：${input} 的临界值（${target === null ? '判定翻转之处' : `目标 ${target}`}）；${values}`,
    value: '临界值',
    all: '全部交点',
    searched: '搜索区间',
    engine: '求解说明',
    monteCarloHead: (claim, samples, seed) => `${claim}：蒙特卡洛，${samples} 次抽样，随机种子 ${seed}`,
    inputColumns: ['输入', '基准', '分布', '规则'],
    roundingUnit: (unit) => `（舍入单位 ${unit}）`,
    rules: { 'stated-range': '文中区间', exact: '精确值', rounding: '舍入误差', pct: '按百分比', quantiles: '分位数' },
    distributions: { normal: '正态', lognormal: '对数正态', uniform: '均匀', triangular: '三角', pert: 'PERT', constant: '常数', metalog: '元对数（三项）' },
    parameters: { type: '', mean: '均值', sd: '标准差', mu: 'μ', sigma: 'σ', lo: '下限', hi: '上限', mode: '众数', lambda: 'λ', value: '值', a: '系数' },
    statColumns: ['统计量', '数值'],
    baseOutput: '基准结果',
    mean: '均值',
    sd: '标准差',
    percentiles: 'P5 / P50 / P95',
    pHolds: '论断成立概率',
    noVerdict: '无判定',
    notANumber: '非数值',
    took: (ms, workers) => `蒙特卡洛用时 ${ms} 毫秒，${workers} 个工作线程。`,
    breakEvenOutcome: (o, fmt) => {
      const where = 'from' in o ? `${o.input} 在 [${fmt(o.from)}, ${fmt(o.to)}] 内` : '';
      const verdict = (holds: boolean): string => (holds ? '成立' : '不成立');
      switch (o.code) {
        case 'flips':
          return `${o.input} ≈ ${fmt(o.at)} 以下论断${verdict(o.holdsBelow)}，以上${verdict(!o.holdsBelow)}`;
        case 'reaches':
          return `${o.input} ${o.exact ? '=' : '≈'} ${fmt(o.at)} 时结果达到 ${fmt(o.target)}`;
        case 'notFinite':
          return `${where}结果都不是有限数值；没有临界值`;
        case 'neverFlips':
          return `${where}论断始终${verdict(o.holds)}（结果介于 ${fmt(o.min)} 与 ${fmt(o.max)} 之间）；判定不会翻转`;
        case 'notReached':
          return `${where}结果介于 ${fmt(o.min)} 与 ${fmt(o.max)} 之间；达不到目标 ${fmt(o.target)}`;
        case 'jump':
          return `结果在 ${o.input} ≈ ${fmt(o.near)} 附近跳过 ${fmt(o.target)}（不连续，例如除以零）而没有等于它；${where}没有临界值`;
      }
    },
    stoppedBy: '停止原因',
    stoppedHow: { converged: '达到精度', cap: '达到抽样上限', cancelled: '已取消' },
    stoppedDetail: (how, drawn, stages) => `${how}；共抽样 ${drawn} 次，分阶段 ${stages}`,
    scenarioCorrelations: (scenario) => `情景“${scenario}”的相关系数（--corr 可替换）：`,
    noScenarioCorrelations: (scenario) => `情景“${scenario}”没有给出相关系数：各输入独立抽样（可用 --corr 设定）。`,
    correlatedOneThread: (workers) => `--workers ${workers}：带相关系数的运行要整列重排输入，因此只用一个线程`,
    quantilesRefused: (what) => `分位数未采用：${what}`,
    drivers: {
      head: (claim, samples, seed, values) => `${claim}：什么导致判定翻转（前 ${samples} 次抽样，随机种子 ${seed}）；${values}`,
      failing: (count) => `不成立的抽样：${count === null ? '无判定' : count}`,
      columns: ['输入', '秩相关', '中位数', '不成立时中位数', '偏离（标准差）', '显著'],
      yes: '是',
      no: '否',
    },
    probabilityBreakEven: {
      head: (claim, probability, input, samples, seed, values) => `${claim}：${input} 变动时成立概率达到 ${probability} 之处（${samples} 次共同抽样，随机种子 ${seed}）；${values}`,
      value: '临界值',
      bracket: '区间',
      searched: '搜索区间',
    },
    probabilityTable: {
      head: (claim, rows, columns, samples, seed, values) => `${claim}：成立概率，行 = ${rows}，列 = ${columns}（${samples} 次共同抽样，随机种子 ${seed}）；${values}`,
    },
    sipmath: {
      exported: (inputs, seed, values) => `  SIPmath 3.0 库：${inputs} 个输入，HDR_2_0 种子（实体 1，seed3 ${seed}）；${values}`,
      imported: (file, inputs) => `${file}：${inputs} 个输入`,
      columns: ['输入', '分布', 'HDR 实体 / 变量号 / seed3 / seed4'],
    },
  },
  scenarios: {
    columns: ['情景', '覆盖值', '判定变化', '说明'],
    baseline: '文章',
    baselineDescription: '文章所述的数值（基准，不可编辑）',
    exported: (count, file) => `已将 ${count} 个情景写入 ${file}`,
    valid: (file, count, names) => `${file}：有效，${count} 个情景：${names}`,
  },
  workbook: {
    written: (sheets, names, active, lang, kb, ms) => `  ${sheets} 个工作表，${names} 个名称，当前情景“${active}”，语言 ${lang}，${kb} KB，用时 ${ms} 毫秒`,
    simulation: (trials, seed) => `  模拟工作表：${trials} 次试验，种子 ${seed}（SIM_TRIALS、SIM_SEED）`,
    stress: (claim, samples, seed) => `  压力测试工作表：${claim}，${samples} 个样本，种子 ${seed}，2 个原生图表`,
  },
  exercise: {
    columns: ['题号', '题型代码', '难度', '论断', '输入', '单位', '舍入'],
    written: (count, folder, ms, sheets, command) => `已将 ${count} 个工作簿写入 ${folder}，用时 ${ms} 毫秒（${sheets}；不含答案）。请保存种子，评分命令：\n  ${command}`,
    shortSeed: (minimum) => `种子短于 ${minimum} 个字符；学生可对照自己的数字逐个试出种子。请使用较长的随机种子。`,
  },
  grade: {
    student: (student, file, total, max, edited) => `${student}（${file}）：${total} / ${max}${edited ? `  被改动的数字：${edited}` : ''}`,
    columns: ['题号', '论断', '标准答案', '作答', '±', '得分', '备注'],
    summary: (graded, files, failed, ms) => `已评分 ${graded} / ${files} 个文件${failed ? `，${failed} 个无法评分` : ''}，用时 ${ms} 毫秒`,
    gradebook: (file) => `成绩表已写入 ${file}`,
    sameStudent: (count, student, files) => `${count} 个文件属于学生 ${student}：${files}（是复制的文件吗？）`,
  },
  myclaims: {
    exported: (file, figures, claims, workbook) => `${file}：从 ${workbook} 导出 ${figures} 个数字、${claims} 个论断`,
    imported: (workbook, figures, claims, file) => `${workbook}：从 ${file} 导入 ${figures} 个数字、${claims} 个论断`,
    notImported: (file, workbook) => `${file} 未导入；${workbook} 未改动：`,
    leftOut: (problem) => warning(`已略去：${problem}`),
    heading: (count) => `你的论断（${count} 个，来自 MyClaims）`,
    columns: ['论断', '数值', '判定', '理由'],
    notAudited: '未核查',
    rowsLeftOut: '略去的行：',
    total: (count, byVerdict) => `你的 ${count} 个论断：${byVerdict}`,
  },
};
