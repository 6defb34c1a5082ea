// A draft thread for tests: the real one, except that a job whose body holds the marker
// "exhaust-the-heap" allocates until the thread's heap limit stops it, as a draft too costly
// for the thread would. (Listeners run in the order they were added: this one first.)
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
parentPort.on('message', ({ job }) => {
  if (!job.body.includes('exhaust-the-heap')) return;
  const held = [];
  for (;;) held.push(new Array(1e5).fill(held.length));
});
await import('../../src/http/draft-thread/draft-worker.ts');
