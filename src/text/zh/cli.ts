import type { CliText } from '../types/cli.js';

export const cli: CliText = {
  usageLine: '用法：npm run -s cli -- <命令> [选项]',
  commandsHeading: '命令：',
  globalOptions: ['  -h, --help     本帮助，或某个命令的帮助：<命令> --help、help <命令>', '  --version      版本号', '  --lang en|zh   输出语言（默认 en）'],
  helpHint: '运行 "npm run -s cli -- --help" 查看命令列表',
  unknownCommand: (name) => `未知命令 "${name}"`,
  didYouMean: (words) => `您是想输入 ${words.map((w) => `"${w}"`).join(' 或 ')} 吗？`,
  badLang: (value) => `--lang 只能是 en 或 zh，而不是 "${value}"`,
  summaries: {
    figures: '列出文章中的每个数字（--json 输出 JSON 数组）',
    figure: '显示一个数字：figure <ID> [--json]',
    claims: '核查每个论断：claims [--json] [--scenario 名称] [--workbook 文件.xlsx] [--set ID=值]…',
    claim: '一个论断的完整演算：claim <ID> [--json] [--scenario 名称] [--workbook 文件.xlsx] [--set ID=值]…',
    eval: 'eval 函数名 参数… [--json]：计算一个 CLAIM 函数（数字；"" 表示省略；JSON [[…]] 表示区域）',
    scenarios: 'scenarios list | export <文件> | import <文件>（仅校验）[--json]',
    stress: '对论断做压力测试：stress tornado|table|breakeven|montecarlo <论断> … [--json]；stress sipmath export|import 文件.json',
    workbook: '把文章工作簿写成 .xlsx：workbook [--out ClaimCell.xlsx] [--lang en|zh] [--sim-trials 试验次数] [--sim-seed 种子] [--scenario 名称] [--workbook 文件.xlsx] [--set ID=值]…',
    exercise: '学生练习工作簿：--seed 种子 --roster 名单.csv --out 目录/ [--level easy|medium|hard] [--lang en|zh] [--json]',
    grade: '批改学生练习工作簿：grade <文件.xlsx|目录>… --seed 种子 [--json] [--gradebook 成绩.csv]',
    myclaims: '你自己的数字与论断（JSON）：myclaims export|import 文件.json --workbook 工作簿.xlsx',
    portable: '把 CLAIM.* 公式换成原生公式（以及换回）：portable [--restore] 输入.xlsx 输出.xlsx',
  },
  claimsColumns: ['论断', '段', '数值', '文章所述', '界限', '理由'],
  claimsTotal: (count, byVerdict) => `共 ${count} 个论断：${byVerdict}`,
  figuresColumns: ['ID', '数值', '单位', '时期', '段', '原文写法', '名称'],
  helpNotes: {
    eval: (names) => `函数名为以下之一：${names}`,
    scenarios: 'import 只校验文件，不做任何改动',
    workbook: (trials, seed, stressSamples, stressSeed) =>
      `--sim-trials 默认 ${trials}（0：不写 Simulation 工作表）；--sim-seed 默认 ${seed}；Stress 工作表的蒙特卡洛：--samples 默认 ${stressSamples}，--seed 默认 ${stressSeed}。--set 与 --workbook 像 claims 一样决定所用数值（工作簿：其基准值与当前情景）；再给 --scenario 则改选当前情景`,
    exercise: '带有 MyClaims 的 --workbook 文件.xlsx 时，--claims 可以列出你自己的论断：生成带其公式的重算题',
    grade: (seconds, heapMb) => `每个文件最多 ${seconds} 秒、${heapMb} MB`,
    myclaims: 'import 只要有一处问题就整体拒绝，工作簿保持原样',
  },
};
