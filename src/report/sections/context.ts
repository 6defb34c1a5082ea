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
  /**
   * Whose words the facts are: the provider's own declaration (default), or reviewers'
   * evidence about a provider that has not declared (then no sentence may say "the provider states").
   */
  voice?: 'provider' | 'evidence';
  /** Where a fact's link leads; default: the raw value in the stored version. */
  href?(pointer: string): string;
}

/** The words for a fact in the section's voice. */
export const voiced = (ctx: Pick<SectionContext, 'voice'>, provider: string, evidence: string) => (ctx.voice === 'evidence' ? evidence : provider);
