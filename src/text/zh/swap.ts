import type { SwapText } from '../types/swap.js';

export const swap: SwapText = {
  recordHeader: ['工作表', '单元格', '原公式', '写入内容', '类型', '说明'],
  kinds: { native: '原生公式', value: '数值' },
  reason: (why) =>
    why.code === 'unreadable'
      ? '无法读取该公式'
      : why.code === 'noNative'
        ? `${why.fn} 没有 Excel 原生形式（它读取 ClaimCell 的目录或运行模拟）`
        : why.code === 'arity'
          ? `${why.fn} 收到 ${why.given} 个参数，而它需要 ${why.takes} 个`
          : `${why.fn} 的参数 ${why.param} 是区域 ${why.range}，只有加载项会把它展开到各个单元格`,
  valueNote: (why) => `保留数值，删除公式：${swap.reason(why)}`,
  cellNotePrefix: 'ClaimCell 换出：',
  cellNote: (note, original) => `${swap.cellNotePrefix}${note}。用 ClaimCell 换回即可恢复 ${original}`,
  keptGone: '该工作表已不存在',
  keptChanged: (now) => `换出后已被修改（现为 ${now}），保持原样`,
  usage: [
    'portable 输入.xlsx 输出.xlsx             换出：每个 CLAIM.* 算术公式换成原生形式；CHECK、BREAKEVEN、PROB_HOLDS、FIGURE 换成当前值并加批注；隐藏工作表 “ClaimCell swap record” 记录每个单元格',
    'portable --restore 输入.xlsx 输出.xlsx   换回：每个记录的单元格恢复原公式（换出后被修改的单元格保持原样并列出）；删除记录工作表',
  ],
  needsFiles: (first) => `需要 输入.xlsx 和 输出.xlsx，${first !== undefined ? `只给了 “${first}”` : '两个都没有给'}`,
  unexpectedArgument: (arg) => `多余的参数 “${arg}”`,
  sameFile: (input) => `输出.xlsx 必须与 输入.xlsx（${input}）不同，以保留原文件`,
  cannotRead: (file, why) => `无法读取 ${file}：${why === 'missing' ? '文件不存在' : why === 'folder' ? '这是文件夹，不是文件' : why}`,
  swappedOut: (native, frozen) => `${native} 个公式换成了 Excel 原生公式，${frozen} 个换成了当前值${frozen ? '：' : ''}`,
  restored: (restored, kept) => `恢复了 ${restored} 个公式${kept ? `，${kept} 个单元格保持原样：` : ''}`,
  partsLost: (input, parts) => `注意：${input} 含有 ${parts}，重写后的文件不会保留`,
  droppedParts: { charts: '图表', pivotTables: '数据透视表', legacyDrawings: '表单控件或旧式绘图', macros: '宏', slicers: '切片器' },
  listSeparator: '、',
  alreadySwappedOut: (source) => `${source} 已经换出（含有工作表 “ClaimCell swap record”）：请先换回（portable --restore）`,
  notSwappedOut: (source) => `${source} 没有换出：它没有工作表 “ClaimCell swap record”`,
};
