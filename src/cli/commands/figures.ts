import { getFigure, loadFigures, type Figure } from '../../model/figures/index.js';
import { UNITS } from '../../model/units/index.js';
import { parseOptions, UsageError, type CliCommand } from '../command.js';
import { renderTable } from '../format/table.js';
import { CLI_TEXT } from '../text.js';
import { TEXT } from '../../text/index.js';

/** The figure as the CLI prints it in JSON: exactly the catalogue fields. */
const toJson = (figure: Figure): Figure => ({ ...figure });

export const figuresCommand: CliCommand = {
  name: 'figures',
  summary: 'list every figure of the article (--json for a JSON array)',
  usage: ['figures [--json]'],
  run(args, io) {
    const { positional, flags } = parseOptions(args, { flags: ['json'] });
    if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
    const figures = loadFigures();
    const zh = io.lang === 'zh';
    if (flags.has('json')) {
      io.out(`${JSON.stringify(figures.map(toJson), null, 2)}\n`);
      return 0;
    }
    io.out(
      renderTable(
        [...CLI_TEXT[zh ? 'zh' : 'en'].figuresColumns],
        figures.map((f) => [f.id, String(f.value), zh ? UNITS[f.unit].labelZh : UNITS[f.unit].labelEn, zh ? f.periodZh : f.period, String(f.paragraph), f.asWritten, zh ? f.labelZh : f.labelEn]),
      ),
    );
    return 0;
  },
};

export const figureCommand: CliCommand = {
  name: 'figure',
  summary: 'show one figure: figure <ID> [--json]',
  usage: ['figure <ID> [--json]'],
  run(args, io) {
    const { positional, flags } = parseOptions(args, { flags: ['json'] });
    const [id, extra] = positional;
    if (id === undefined) throw new UsageError('needs a figure id, e.g. figure CN_UST_HOLDINGS');
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const figure = getFigure(id);
    if (!figure) {
      const near = loadFigures()
        .map((f) => f.id)
        .filter((other) => other.includes(id.toUpperCase().split('_')[0] ?? ''))
        .slice(0, 5);
      throw new UsageError(`unknown figure id "${id}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; run "figures" for the list`);
    }
    if (flags.has('json')) {
      io.out(`${JSON.stringify(toJson(figure), null, 2)}\n`);
      return 0;
    }
    const zh = io.lang === 'zh';
    const { field, figure: t } = TEXT[io.lang ?? 'en'].cliOutput;
    const rows: [string, string][] = [
      [t.labels.id, figure.id],
      [t.labels.value, `${figure.value} ${zh ? UNITS[figure.unit].labelZh : UNITS[figure.unit].labelEn}`],
      [t.labels.kind, t.kinds[figure.kind]],
      [t.labels.period, zh ? figure.periodZh : figure.period],
      [t.labels.paragraph, String(figure.paragraph)],
      [t.labels.asWritten, figure.asWritten],
      [t.labels.label, zh ? figure.labelZh : figure.labelEn],
      ...(!t.showsOtherLabel ? [] : ([[t.otherLabel, zh ? figure.labelEn : figure.labelZh]] as [string, string][])),
      ...(figure.sourceNote ? ([[t.labels.note, (zh ? figure.sourceNoteZh : figure.sourceNote) ?? figure.sourceNote]] as [string, string][]) : []),
      ...(figure.range ? ([[t.labels.range, t.range(figure.range.role, figure.range.pair)]] as [string, string][]) : []),
    ];
    io.out(rows.map(([k, v]) => field(k, v)).join('\n') + '\n');
    return 0;
  },
};
