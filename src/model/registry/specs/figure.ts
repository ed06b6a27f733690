import { figureValue, getFigure } from '../../figures/index.js';
import { unknownFigureError } from '../../functions/errors.js';
import { defineLookup } from '../../functions/specs/helpers.js';

export const FIGURE = defineLookup({
  name: 'FIGURE',
  descriptionEn: "A figure from the article's catalogue: its value (dates as Excel serials), or with field its unit, period, paragraph, label or text as written.",
  descriptionZh: '文章数字目录中的一个数字：其数值（日期为 Excel 序号），或按 field 返回单位、期间、段落、标签或原文写法。',
  idHelpEn: 'Figure id, e.g. the UPPER_SNAKE name shown in the Figures sheet.',
  idHelpZh: '数字编号，如“数字”工作表中的大写名称。',
  find: getFigure,
  unknown: unknownFigureError,
  answers: {
    value: figureValue,
    unit: (f) => f.unit,
    period: (f) => f.period,
    paragraph: (f) => f.paragraph,
    label: (f) => f.labelEn,
    label_zh: (f) => f.labelZh,
    as_written: (f) => f.asWritten,
  },
  examples: [
    { args: ['AI_CHIP_TARIFF_RATE', 'unit'], result: 'percent', noteEn: 'The unit of the 25% tariff rate (its value is 0.25).' },
    { args: ['NO_SUCH_FIGURE'], result: '#N/A', noteEn: 'Unknown ids answer #N/A.' },
    { args: ['AI_CHIP_TARIFF_RATE', 'colour'], result: '#VALUE!', noteEn: 'Unknown fields answer #VALUE!.' },
  ],
});

/** The fields FIGURE can answer, in the order the help lists them. */
export const FIGURE_FIELDS = FIGURE.fields;
export type FigureField = (typeof FIGURE_FIELDS)[number];

export const FIGURE_SPECS = [FIGURE] as const;
