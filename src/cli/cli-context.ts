/** Where a command writes and how it reports failure; tests pass their own. */
export interface CliContext {
  out(text: string): void;
  err(text: string): void;
  /** Raises the process exit code (never lowers it: one failing file fails the run). */
  fail(code: number): void;
  /** Whether stderr is a terminal (progress bars only there). */
  interactive: boolean;
  /** Terminal width for tables; undefined when output is not a terminal (then 100). */
  columns?: number;
}

/** A command could not do its job (unreadable file, server refused): message, exit code 2. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}
