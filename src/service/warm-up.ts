import type { Declaration } from '../formats/types.generated.js';
import type { Analyzer } from './atlas.js';

/**
 * Runs the analysis of each given declaration a few times, so the first write after a start
 * does not pay for compiling the scoring code on the event loop (a cold analysis held it for
 * about 75 ms; a warm one takes a few milliseconds). A restart that reads its remembered
 * summaries never analyses anything before it serves, so without this the first write would.
 */
export function warmUp<A>(analyze: Analyzer<A>, declarations: readonly Declaration[], rounds = 2): void {
  for (let round = 0; round < rounds; round++) for (const declaration of declarations) analyze(declaration, undefined);
}
