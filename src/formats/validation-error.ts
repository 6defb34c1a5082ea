/** One problem with a submitted document: where (RFC 6901 pointer), what, and which rule. */
export interface ValidationIssue {
  pointer: string;
  message: string;
  keyword: string;
}

/** Sorts issues by pointer then keyword and drops exact duplicates, so output is stable. */
export function normalizeIssues(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const key = `${issue.pointer}\u0000${issue.keyword}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out.sort((a, b) =>
    a.pointer === b.pointer ? a.keyword.localeCompare(b.keyword) : a.pointer < b.pointer ? -1 : 1,
  );
}

/** A document broke the format; carries every issue. The HTTP shell answers 422. */
export class InvalidDocumentError extends Error {
  constructor(readonly errors: ValidationIssue[], readonly detail = 'The document does not satisfy the format.') {
    super(detail);
    this.name = 'InvalidDocumentError';
  }
}
