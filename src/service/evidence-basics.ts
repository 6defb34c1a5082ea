import type { Declaration } from '../formats/types.generated.js';

/** What the evidence services need of the declarations: whether a provider has one, and its latest (loaded on demand). */
export interface DeclarationSource {
  latestOf(providerId: string): object | undefined;
  latestDeclaration(providerId: string): Promise<Declaration | undefined>;
}

/** Who recorded an observation, assessment or campaign when the key names no organisation (an admin). */
export const OPERATOR = 'retention-atlas operator';

/** A request about evidence that names nothing there (404) or something already there (409). */
export class ObservationError extends Error {
  constructor(readonly status: 404 | 409, message: string) {
    super(message);
  }
}
