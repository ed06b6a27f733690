import { figureValue, getFigure } from '../../figures/index.js';
import { unknownFieldError, unknownFigureError } from '../errors.js';
import type { FunctionResult } from '../types.js';
import { defineFunction, text } from './helpers.js';

/** The fields FIGURE can answer, in the order the help lists them. */
export const FIGURE_FIELDS = ['value', 'unit', 'period', 'paragraph', 'label', 'label_zh', 'as_written'] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

export const FIGURE = defineFunction({
  name: 'FIGURE',
  descriptionEn: "A figure from the article's catalogue: its value (dates as Excel serials), or with field its unit, period, paragraph, label or text as written.",
  descriptionZh: '文章数字目录中的一个数字：其数值（日期为 Excel 序号），或按 field 返回单位、期间、段落、标签或原文写法。',
  params: [
    text('id', 'Figure id, e.g. the UPPER_SNAKE name shown in the Figures sheet.', '数字编号，如“数字”工作表中的大写名称。'),
    text('field', `Optional, one of: ${FIGURE_FIELDS.join(', ')} (default value).`, `可选，取值之一：${FIGURE_FIELDS.join('、')}（默认 value）。`, {
      optional: true,
      defaultValue: 'value',
    }),
  ],
  resultUnit: 'any',
  resultType: 'any',
  elementwise: false,
  implementation: (id: string, field: string): FunctionResult => {
    const figure = getFigure(id.trim());
    if (!figure) return unknownFigureError(id);
    switch (field.trim().toLowerCase() as FigureField) {
      case 'value':
        return figureValue(figure);
      case 'unit':
        return figure.unit;
      case 'period':
        return figure.period;
      case 'paragraph':
        return figure.paragraph;
      case 'label':
        return figure.labelEn;
      case 'label_zh':
        return figure.labelZh;
      case 'as_written':
        return figure.asWritten;
      default:
        return unknownFieldError(field, FIGURE_FIELDS);
    }
  },
  examples: [
    { args: ['AI_CHIP_TARIFF_RATE', 'unit'], result: 'percent', noteEn: 'The unit of the 25% tariff rate (its value is 0.25).' },
    { args: ['NO_SUCH_FIGURE'], result: '#N/A', noteEn: 'Unknown ids answer #N/A.' },
    { args: ['AI_CHIP_TARIFF_RATE', 'colour'], result: '#VALUE!', noteEn: 'Unknown fields answer #VALUE!.' },
  ],
  claims: [],
});

export const LOOKUP_SPECS = [FIGURE] as const;
