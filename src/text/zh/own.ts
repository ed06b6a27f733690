import type { OwnText } from '../types/own.js';
import { sheets } from './sheets.js';

const FIGURE_HEADERS = sheets.myFigures.headers;

export const own: OwnText = {
  yours: '你的',
  stressOption: (id) => `${id}（你的）`,
  ownClaimsPick: '你的论断（点击即加为题目）：',
  figureForm: {
    heading: '添加你自己的数字',
    id: '编号（Excel 名称，如 MY_RATE）',
    label: '说明',
    value: '数值（百分比填小数：0.04 即 4%）',
    unit: '单位',
    note: '备注',
    add: '添加数字',
    added: (address) => `已在 ${address} 添加你的数字；其编号现在是公式和论断可用的名称。`,
    problems: '未写入任何内容：',
    // the words MyFigures' header shows, so a problem names the column as the sheet does
    fieldNames: { id: '编号', label: FIGURE_HEADERS.label, value: FIGURE_HEADERS.value, unit: FIGURE_HEADERS.unit, note: FIGURE_HEADERS.note },
  },
};
