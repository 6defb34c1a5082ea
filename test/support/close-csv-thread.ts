import { afterAll } from '@jest/globals';
import { csvThread } from '../../src/http/csv-thread/csv-thread.js';
import { closeDraftPool } from '../../src/http/draft-thread/draft-pool.js';

// Every test file gets its own module registry, so a file that uploads a CSV or sends a large
// draft starts its own CSV thread or draft pool. Stop them when the file is done: under Jest's VM
// modules a started thread keeps the run from exiting although it is unref'd (a plain `node`
// process exits without this).
afterAll(() => Promise.all([csvThread().close(), closeDraftPool()]));
