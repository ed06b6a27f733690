import type { CliText } from '../types/cli.js';

export const cli: CliText = {
  usageLine: 'usage: npm run -s cli -- <command> [options]',
  commandsHeading: 'commands:',
  globalOptions: ['  -h, --help     this help, or a command\'s: <command> --help, help <command>', '  --version      the version', '  --lang en|zh   language of the output (default en)'],
  helpHint: 'run "npm run -s cli -- --help" for the list of commands',
  unknownCommand: (name) => `unknown command "${name}"`,
  didYouMean: (words) => `did you mean ${words.map((w) => `"${w}"`).join(' or ')}?`,
  badLang: (value) => `--lang must be en or zh, not "${value}"`,
  summaries: {},
  claimsColumns: ['claim', '¶', 'value', 'stated', 'bound', 'reason'],
  claimsTotal: (count, byVerdict) => `${count} claims: ${byVerdict}`,
  figuresColumns: ['id', 'value', 'unit', 'period', '¶', 'as written', 'label'],
  helpNotes: {
    eval: (names) => `NAME is one of ${names}`,
    scenarios: 'import validates the file only; it changes nothing',
    workbook: (trials, seed, stressSamples, stressSeed) =>
      `--sim-trials: default ${trials} (0: no Simulation sheet); --sim-seed: default ${seed}; the Stress sheet's Monte Carlo: --samples default ${stressSamples}, --seed default ${stressSeed}. --set and --workbook choose the values as for claims (a workbook: its base values and active scenario); --scenario then picks the active one`,
    exercise: '--claims may name claims of your own (MyClaims) when --workbook FILE.xlsx carries them: recompute tasks that carry their formulas',
    grade: (seconds, heapMb) => `each file: at most ${seconds} s, ${heapMb} MB`,
    myclaims: 'import is rejected whole on any problem; the workbook is left as it was',
  },
};
