import type { MatrixThreads } from '../../service/exposure-reader.js';
import type { DraftThreads } from './draft-route.js';

/** The exposure reader's large stored versions, computed on the draft threads (the same size threshold as drafts, the same 503 busy). */
export const storedMatrices = (threads: DraftThreads): MatrixThreads => ({
  minBytes: threads.minBytes,
  compute: (body, { lawDate, explain }) => threads.pool.matrix({ kind: 'matrix', body, lawDate, explain }),
});
