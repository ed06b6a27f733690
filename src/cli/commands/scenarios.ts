import { TEXT } from '../../text/index.js';
import { readFileSync } from 'node:fs';
import { auditAll } from '../../model/claims/index.js';
import { BASELINE_NAME, encodingProblem, loadSeedScenarios, parseScenarioText, scenarioDescription, scenarioDisplayName, ScenarioError, toScenarioFile } from '../../model/scenarios/index.js';
import { parseOptions, UsageError, type CliCommand } from '../command.js';
import { renderTable } from '../format/table.js';
import { writeFileAtomic } from '../output.js';

export const scenariosCommand: CliCommand = {
  name: 'scenarios',
  summary: 'scenarios list | export <file> | import <file> (validates only) [--json]',
  usage: ['scenarios list [--json]', 'scenarios export <FILE.json>', 'scenarios import <FILE.json> [--json]'],
  notes: (lang) => [TEXT[lang].cli.helpNotes.scenarios],
  run(args, io) {
    const { positional, flags } = parseOptions(args, { flags: ['json'] });
    const [action, file, extra] = positional;
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    switch (action) {
      case undefined:
      case 'list': {
        const scenarios = loadSeedScenarios();
        const rows = [
          { name: BASELINE_NAME, description: TEXT.en.cliOutput.scenarios.baselineDescription, overrides: 0, verdictChanges: 0 },
          ...scenarios.map((s) => {
            const base = auditAll(undefined, { margins: false });
            const changed = auditAll(s.overrides, { margins: false }).filter((a, i) => a.verdict !== base[i]!.verdict).length;
            return { name: s.name, description: s.description, overrides: s.overrides.size, verdictChanges: changed };
          }),
        ];
        if (flags.has('json')) io.out(`${JSON.stringify(rows, null, 2)}\n`);
        else {
          // The table shows names and descriptions in the output's language; --json keeps the keys and English records.
          const lang = io.lang ?? 'en';
          const t = TEXT[lang].cliOutput.scenarios;
          const shown = [
            [t.baseline, '0', '0', t.baselineDescription],
            ...scenarios.map((s, i) => [scenarioDisplayName(s, lang), String(rows[i + 1]!.overrides), String(rows[i + 1]!.verdictChanges), scenarioDescription(s, lang)]),
          ];
          io.out(renderTable([...t.columns], shown));
        }
        return 0;
      }
      case 'export': {
        if (!file) throw new UsageError('scenarios export needs a file name, e.g. scenarios export my-scenarios.json');
        writeFileAtomic(file, `${JSON.stringify(toScenarioFile(loadSeedScenarios()), null, 2)}\n`);
        io.out(`${TEXT[io.lang ?? 'en'].cliOutput.scenarios.exported(loadSeedScenarios().length, file)}\n`);
        return 0;
      }
      case 'import': {
        if (!file) throw new UsageError('scenarios import needs a file name');
        let bytes: Buffer;
        try {
          bytes = readFileSync(file);
        } catch (error) {
          throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
        try {
          const encoding = encodingProblem(bytes);
          if (encoding) throw new ScenarioError([`${file} ${encoding}`]);
          const scenarios = parseScenarioText(bytes.toString('utf8'), file);
          io.out(flags.has('json') ? `${JSON.stringify({ valid: true, scenarios: scenarios.map((s) => s.name) })}\n` : `${TEXT[io.lang ?? 'en'].cliOutput.scenarios.valid(file, scenarios.length, scenarios.map((s) => scenarioDisplayName(s, io.lang ?? 'en')).join(io.lang === 'zh' ? '、' : ', '))}\n`);
          return 0;
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          const problems = error.problems;
          if (flags.has('json')) io.out(`${JSON.stringify({ valid: false, problems })}\n`);
          io.err(`${file} was rejected:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
          return 1;
        }
      }
      default:
        throw new UsageError(`unknown action "${action}" (list, export, import)`);
    }
  },
};
