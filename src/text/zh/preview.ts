/** 预览页自身的界面文字（中文）：与中文版 Excel 的叫法一致（名称框、编辑栏、工作表标签）。 */
import type { PreviewText } from '../types/preview.js';

export const preview: PreviewText = {
  pageTitle: 'ClaimCell 预览 — 模拟 Excel',
  heading: 'ClaimCell 预览',
  note: '模拟的 Excel 工作簿（无需 Excel），旁边是真实的任务窗格。此处的内容不会保存。',
  workbookLabel: '模拟工作簿',
  nameBoxLabel: '名称框：所选单元格',
  formulaBarLabel: '编辑栏：所选单元格的内容（按 Enter 键确认）',
  sheetGridLabel: (sheet) => `工作表 ${sheet}`,
  rowHeaderLabel: '行',
  detailsLabel: '工作簿详情',
  activeScenario: '当前情景',
  definedNames: '定义的名称',
  noNames: '尚无定义的名称。',
  sheetTabsLabel: '工作表标签',
  paneFrameTitle: 'ClaimCell 任务窗格',
  editCell: (ref) => `编辑 ${ref}`,
  chooseValue: (ref) => `为 ${ref} 选择一个值（Alt+向下键）`,
  allowedValues: (ref) => `${ref} 允许的值`,
  cellUpdated: (ref) => `${ref} 已更新，工作簿已重新计算。`,
  cellRefused: (ref, why) => `无法设置 ${ref}：${why}。请改正输入后再按 Enter 键。`,
  refusal: (why) => {
    switch (why.reason) {
      case 'notInList':
        return `“${why.value}”不是此单元格允许的值（${why.entries.map((e) => `“${e}”`).join('、')}）；Excel 的数据验证（停止样式）拒绝此输入`;
      case 'invalidFormula':
        return `公式 ${why.value} 有问题`;
      case 'notFinite':
        return '不是有限的数字';
    }
  },
};
