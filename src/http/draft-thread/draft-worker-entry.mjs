// Entry of a draft thread run from the TypeScript sources: a worker does not inherit the
// TypeScript loader of the process that starts it (Node 20), so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./draft-worker.ts');
