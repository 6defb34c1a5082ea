import type { Declaration } from '../../formats/types.generated.js';

/** What every section of the provider page reads: the declaration, where it is stored, and the names of codes. */
export interface SectionContext {
  declaration: Declaration;
  providerId: string;
  version: number;
  /** The taxonomy, in order (every category is shown, listed or not). */
  categories: readonly { id: string; label: string }[];
  categoryLabel(id: string): string;
  jurisdictionName(code: string): string;
}
