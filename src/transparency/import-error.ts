/** Why an uploaded file cannot be read at all (as opposed to a row that is skipped). */
export class ImportError extends Error {
  constructor(
    readonly title: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ImportError';
  }
}
