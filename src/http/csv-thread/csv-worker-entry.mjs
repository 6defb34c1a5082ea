// Entry of the CSV thread. A worker does not inherit the TypeScript loader of the process
// that starts it (Node 20), so it registers tsx itself before loading the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./csv-worker.ts');
