import type { GradeFileProblemText } from '../types/grade-file-problems.js';
import { sheets } from './sheets.js';

const labels = sheets.exercise.aboutLabels;

export const gradeFileProblems: GradeFileProblemText = {
  noSheet: (p) => `不是 ClaimCell 练习工作簿：没有工作表 “${p.sheet}”`,
  noStudentOrCode: () => `不是 ClaimCell 练习工作簿：About 工作表中没有“${labels.student}”或“${labels.code}”`,
  baseEdited: (p) => `About 工作表中“${labels.base}”一行被改动过（“${p.text}”）`,
  // a user's claim's rows: the reader's reason is English, so the Chinese says which cell instead
  taskEdited: (p) =>
    p.detail === undefined ? `Tasks 工作表中 ${p.task} 一行被改动过（类型“${p.kind}”，论断“${p.claim}”）` : `Tasks 工作表中 ${p.task} 一行被改动过：其定义单元格不再是一行 MyClaims 及其 MyFigures 行`,
  noTasks: () => '不是 ClaimCell 练习工作簿：Tasks 工作表中没有题目',
  codeMismatch: (p) => `${p.student} 的练习校验码不符：评分所用的种子不同，或学生编号、题目列表或基准数值被改动过`,
};
