import { SCENARIO_LIMITS } from './schema.js';
import { parseScenarioFile, ScenarioError, type OverridableUserFigure, type Scenario } from './set.js';

/** Why bytes of a scenario file cannot be read as UTF-8 text (or undefined); the CLI checks the bytes, the pane the decoded text. */
export function encodingProblem(bytes: Uint8Array): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return UTF16;
  // UTF-16 without a byte-order mark: JSON starts with an ASCII character next to a zero byte.
  if (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0)) return UTF16;
  return undefined;
}

const UTF16 = 'is saved as UTF-16; save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8) and import it again';

/**
 * A scenario file's text → validated scenarios: one path for the CLI and the task pane. A UTF-8
 * byte-order mark is accepted (Windows editors write one); UTF-16 and oversized files get a
 * sentence; bad JSON and bad content a ScenarioError listing every problem.
 */
export function parseScenarioText(text: string, source = 'scenario file', userFigures: readonly OverridableUserFigure[] = []): Scenario[] {
  if (text.length > SCENARIO_LIMITS.fileBytes) throw new ScenarioError([`${source}: the file is ${Math.round(text.length / 1024)} KB; a scenario file holds at most ${SCENARIO_LIMITS.fileBytes / 1024} KB`]);
  // UTF-16 decoded as UTF-8 shows as replacement characters (from its byte-order mark) or NULs.
  if (/^\uFFFD\uFFFD|\u0000/.test(text.slice(0, 64))) throw new ScenarioError([`${source} ${UTF16}`]);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ScenarioError([`${source}: not valid JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  return parseScenarioFile(data, source, userFigures);
}
