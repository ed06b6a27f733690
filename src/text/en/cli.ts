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
};
