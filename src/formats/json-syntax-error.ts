import { JsonSourceMap } from './json-source-map.js';

export interface JsonSyntaxFault {
  /** What the parser objected to, without V8's quotation of the text around it. */
  message: string;
  /** 1-based line and column of the fault. */
  line: number;
  column: number;
}

/**
 * Where and why `JSON.parse` gave up on `text`: the same line and column for the API (a 400
 * problem) and the CLI (`file:line:column`). V8 gives a position for some faults only; for
 * the others a scan of the text finds where it stops being JSON.
 */
export function jsonSyntaxFault(text: string, error: unknown): JsonSyntaxFault {
  const raw = (error as Error).message;
  const message = raw.replace(/, (\.\.\.)?".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  const position = /at position (\d+)/.exec(raw);
  const map = new JsonSourceMap(text);
  const at = map.positionAt(position ? Number(position[1]) : (map.faultOffset ?? text.length));
  return { message, line: at.line, column: at.column };
}
