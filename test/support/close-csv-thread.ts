import { afterAll } from '@jest/globals';
import { csvThread } from '../../src/http/csv-thread/csv-thread.js';

// Every test file gets its own module registry, so a file that uploads a CSV starts its own CSV
// thread. Stop it when the file is done: under Jest's VM modules a started thread keeps the run
// from exiting although it is unref'd (a plain `node` process exits without this).
afterAll(() => csvThread().close());
