import { TEXT } from '../../text/index.js';
import { UsageError, parseOptions, type CliCommand } from '../command.js';
import { FUNCTION_NAMES, getFunction, invokeFunction, isDomainError } from '../../model/registry/index.js';
import type { DomainError, FunctionResult } from '../../model/registry/index.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads one command-line argument as Excel would see it: numbers as numbers, JSON arrays as ranges,
 * `""` / `null` as an omitted argument (null), TRUE/FALSE as booleans, anything else as text.
 */
export function parseEvalArg(raw: string): unknown {
  const text = raw.trim();
  if (text === '' || text === 'null' || text === '""') return null;
  if (NUMBER.test(text)) return Number(text);
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`not a JSON range: ${raw} (${error instanceof Error ? error.message : String(error)})`);
    }
    const rows = Array.isArray(parsed) && parsed.every((r) => Array.isArray(r)) ? (parsed as unknown[][]) : [parsed as unknown[]];
    for (const row of rows) {
      for (const cell of row) {
        if (cell !== null && !['number', 'string', 'boolean'].includes(typeof cell)) {
          throw new UsageError(`range cells must be numbers, text, booleans or null: ${raw}`);
        }
      }
    }
    return rows;
  }
  return raw;
}

type JsonCell = number | string | { error: string; message: string };

function jsonCell(value: number | string | DomainError): JsonCell {
  return isDomainError(value) ? { error: value.code, message: value.message } : value;
}

function textCell(value: number | string | DomainError): string {
  return isDomainError(value) ? value.code : String(value);
}

function renderJson(result: FunctionResult): string {
  if (isDomainError(result)) return JSON.stringify({ error: result.code, message: result.message });
  if (Array.isArray(result)) return JSON.stringify({ value: result.map((row) => row.map(jsonCell)) });
  return JSON.stringify({ value: result });
}

function renderText(call: string, result: FunctionResult): string {
  if (isDomainError(result)) return `${call} = ${result.code} — ${result.message}`;
  if (!Array.isArray(result)) return `${call} = ${typeof result === 'string' ? JSON.stringify(result) : result}`;
  const lines = result.map((row) => row.map(textCell).join('\t'));
  const errors = result.flat().filter(isDomainError);
  const notes = [...new Set(errors.map((e) => `  ${e.code} — ${e.message}`))];
  return [`${call} =`, ...lines.map((l) => `  ${l}`), ...notes].join('\n');
}

/** `eval NAME args… [--json]`: runs one CLAIM function through the registry's runner. */
export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'eval NAME args… [--json]: compute one CLAIM function (numbers, "" for omitted, JSON [[…]] for ranges)',
  usage: ['eval <NAME> <ARG>… [--json]'],
  notes: (lang) => [TEXT[lang].cli.helpNotes.eval(FUNCTION_NAMES.join(', '))],
  run(args, io) {
    const { positional, flags } = parseOptions(args, { flags: ['json'] });
    const [name, ...rawArgs] = positional;
    if (name === undefined) throw new UsageError(`usage: eval NAME args… [--json]; functions: ${FUNCTION_NAMES.join(', ')}`);
    const spec = getFunction(name);
    if (!spec) throw new UsageError(`unknown function ${JSON.stringify(name)}; functions: ${FUNCTION_NAMES.join(', ')}`);
    if (rawArgs.length > spec.params.length) {
      throw new UsageError(`${spec.name} takes ${spec.params.length} argument(s): ${spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')}`);
    }
    const values = rawArgs.map(parseEvalArg);
    const result = invokeFunction(spec, values);
    if (flags.has('json')) io.out(`${renderJson(result)}\n`);
    else io.out(`${renderText(`${spec.name}(${rawArgs.join(', ')})`, result)}\n`);
    // An Excel error is a result, not a failure of the command.
    return 0;
  },
};
