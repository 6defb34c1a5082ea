/** The kinds of change a diff reports, from plain edits to the ones that matter for users. */
export type ChangeKind =
  | 'added'
  | 'removed'
  | 'changed'
  | 'retention-lengthened'
  | 'retention-shortened'
  | 'protection-weakened'
  | 'protection-strengthened';

/**
 * One change between two versions. `pointer` points into the newer version, or into the
 * older one when the thing was removed; `before`/`after` are absent when it did not exist.
 */
export interface Change {
  pointer: string;
  kind: ChangeKind;
  before?: unknown;
  after?: unknown;
}

/** Changes that make users worse off: a finding and a feed entry name them as regressions. */
export const REGRESSIONS: ChangeKind[] = ['retention-lengthened', 'protection-weakened'];
