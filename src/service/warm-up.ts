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

/** A turn of the event loop: what is waiting (requests, I/O) runs before the promise resolves. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `warmUp` for a server that already serves: one analysis per turn of the event loop, so a
 * request arriving meanwhile waits for one analysis at most, never for the whole warm-up. A
 * restart that reads its remembered summaries listens without waiting for it (analysing the
 * samples cold cost every start about a second of CPU before it could answer anything).
 */
export async function warmUpInTurns<A>(analyze: Analyzer<A>, declarations: () => readonly Declaration[], rounds = 2, turn: () => Promise<void> = nextTurn): Promise<void> {
  await turn();
  const read = declarations();
  for (let round = 0; round < rounds; round++) {
    for (const declaration of read) {
      await turn();
      analyze(declaration, undefined);
    }
  }
}
