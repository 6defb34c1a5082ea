// A draft thread for tests that takes jobs and never answers: the pool's queue fills up
// deterministically, whatever the speed of the machine.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => undefined);
parentPort.postMessage('ready');
