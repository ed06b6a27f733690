/** What the CLI itself prints around a command: usage, help, command-line errors, table headings. */
export interface CliText {
  readonly usageLine: string;
  readonly commandsHeading: string;
  readonly globalOptions: readonly string[];
  readonly helpHint: string;
  readonly unknownCommand: (name: string) => string;
  readonly didYouMean: (words: readonly string[]) => string;
  readonly badLang: (value: string) => string;
  /** One line per command, by command name; a test checks every command has one in each language. */
  readonly summaries: Readonly<Record<string, string>>;
  readonly claimsColumns: readonly [string, string, string, string, string, string];
  readonly claimsTotal: (count: number, byVerdict: string) => string;
  readonly figuresColumns: readonly [string, string, string, string, string, string, string];
}
