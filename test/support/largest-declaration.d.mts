/** Every jurisdiction code the format accepts. */
export const JURISDICTIONS: string[];
/** The jurisdictions with a profile (the scored ones). */
export const PROFILED: string[];
/** The JSON text of a valid declaration of at most `maxBytes` bytes (see largest-declaration.mjs). */
export function largestDeclaration(providerId: string, maxBytes: number, options?: { sections?: 'all' | 'rows'; rows?: 'full' | 'short' }): string;
