import type { ReasonText } from '../types/reasons.js';

const ordinals = ['一', '二', '三', '四', '五'];

export const reasons: ReasonText = {
  subject: { recomputed: (v) => `重算得${v}`, article: (v) => `文中为${v}`, check: (v) => `该检验的值为${v}` },
  against: { article: (v) => `文中的${v}`, record: (v) => `公开数据${v}`, bound: (v) => `界限${v}` },
  approx: (c) => `${c.value}，对照${c.stated}：相差${c.difference}，${c.holds ? '在' : '超出'}舍入允许的±${c.tolerance}${c.holds ? '之内' : ''}。`,
  exact: (c) => (c.holds ? `${c.value}，与${c.stated}相同。` : `${c.value}，对照${c.stated}：相差${c.difference}，而两者应完全一致。`),
  atLeast: (c) => (c.holds ? `${c.value}，不低于${c.stated}。` : `${c.value}，低于${c.stated}，差${c.difference}。`),
  atMost: (c) => (c.holds ? `${c.value}，不高于${c.stated}。` : `${c.value}，高于${c.stated}，差${c.difference}。`),
  between: (c) =>
    `${c.value}，在${c.stated}（${c.exclusiveLow ? '不含' : '含'}）至${c.statedHigh}的区间${c.holds ? '之内' : `之外，差${c.difference}`}。`,
  decidedBy: (scope, ordinal) => `由第${ordinals[ordinal - 1] ?? '后一'}项检验（${scope === 'article' ? '文内数字' : '公开数据'}）决定：`,
  notComputable: (error, recomputed) => `按这些输入无法计算（${error}）${recomputed ? `；重算得${recomputed}` : ''}。`,
  needsData: (subject, needs) => `${subject ? `${subject}。` : ''}手头没有能核实它的公开来源。所需数据：${needs}`,
  join: '',
  ordinals,
};
