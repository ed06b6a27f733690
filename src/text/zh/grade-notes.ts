import type { GradeNoteText } from '../types/grade-notes.js';

const fromText = (n: { readonly fromText: boolean }): string => (n.fromText ? '（从文本读取）' : '');
/** " 2 位小数" or "百分数的 1 位小数": spaced from the word before it as the catalogue spaces numbers. */
const places = (decimals: number, ofPercent: boolean): string => `${ofPercent ? '百分数的' : ''} ${decimals} 位小数`;

export const gradeNotes: GradeNoteText = {
  notCounted: () => '此变体没有标准答案：不计分',
  noAnswer: () => '未作答',
  // a boolean cell as Chinese Excel shows it (TRUE / FALSE)
  notANumber: (n) => `不是数字：${typeof n.given === 'boolean' ? `逻辑值 ${String(n.given).toUpperCase()}` : `“${n.given}”`}`,
  correct: (n) => `正确${fromText(n)}`,
  percentPoints: (n) => `数值正确，但按百分点填写（填了 ${n.given}，应为 ${n.given}%）${fromText(n)}`,
  roundedTo: (n) => `方法正确，但保留${places(n.decimals, n.ofPercent)}（要求${places(n.asked, n.ofPercent)}）${fromText(n)}`,
  cutOff: (n) => `方法正确，但截断到${places(n.decimals, n.ofPercent)}，而非四舍五入${fromText(n)}`,
  close: (n) => `接近：相差 ${n.off}，超出 ±${n.tolerance}（舍入误差，或中间步骤已舍入）${fromText(n)}`,
  wrong: (n) => `错误${fromText(n)}`,
  editedFigures: (n) => `不得分：使用了被改动的给定数字 ${n.figures.join('、')}`,
};
