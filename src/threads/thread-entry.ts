/**
 * The file a worker thread starts from. Compiled (dist/, `npm start`), a thread runs its
 * compiled module directly. From the TypeScript sources (tests, `node --import tsx`), a worker
 * does not inherit the loader of the process that starts it (Node 20), so it starts from a
 * small `<name>-entry.mjs` beside the module that registers tsx and then loads `<name>.ts`.
 */
export function threadEntry(name: string, base: string): URL {
  return base.endsWith('.ts') ? new URL(`./${name}-entry.mjs`, base) : new URL(`./${name}.js`, base);
}
