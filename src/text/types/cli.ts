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
  /** Lines `<command> --help` prints under the usage lines: what the syntax alone does not say. */
  readonly helpNotes: {
    readonly eval: (names: string) => string;
    readonly scenarios: string;
    readonly workbook: (trials: number, seed: number, stressSamples: number, stressSeed: number) => string;
    readonly exercise: string;
    readonly grade: (seconds: number, heapMb: number) => string;
    readonly myclaims: string;
  };
}
