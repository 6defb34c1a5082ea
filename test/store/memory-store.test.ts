import { MemoryStore } from '../../src/store/memory-store.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('MemoryStore', async () => ({
  open: async (clock) => new MemoryStore(clock),
  persistent: false,
  dispose: async () => undefined,
}));
