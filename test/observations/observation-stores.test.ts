import { mkdtemp, readdir, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { LowdbObservationStore } from '../../src/store/lowdb-observation-store.js';
import { MemoryObservationStore } from '../../src/observations/observation-store.js';
import { StoreOpenError, StoreWriteError } from '../../src/store/store.js';
import { describeObservationStoreContract, newObservation } from './observation-store-contract.js';

describeObservationStoreContract('MemoryObservationStore', async () => ({ open: async () => new MemoryObservationStore(), persistent: false, dispose: async () => undefined }));

describeObservationStoreContract('LowdbObservationStore', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ra-observations-'));
  return { open: () => LowdbObservationStore.open(dir), persistent: true, dispose: () => rm(dir, { recursive: true, force: true }) };
});

describe('LowdbObservationStore files', () => {
  it('keeps one file per provider under observations/', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ra-observations-'));
    const store = await LowdbObservationStore.open(dir);
    await store.append('tandem-voice', newObservation());
    await store.append('silent-chat', newObservation());
    expect((await readdir(path.join(dir, 'observations'))).sort()).toEqual(['silent-chat.json', 'tandem-voice.json']);
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses to open a file that is not an observation list, leaving it alone', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ra-observations-'));
    await LowdbObservationStore.open(dir);
    await writeFile(path.join(dir, 'observations', 'tandem-voice.json'), '{"providerId":"tandem-voice","observations":[{"id":3}]}');
    await expect(LowdbObservationStore.open(dir)).rejects.toBeInstanceOf(StoreOpenError);
    await rm(dir, { recursive: true, force: true });
  });

  it('acknowledges nothing it could not write, and keeps serving what it had', async () => {
    if (process.getuid?.() === 0) return; // root writes through read-only directories
    const dir = await mkdtemp(path.join(tmpdir(), 'ra-observations-'));
    const store = await LowdbObservationStore.open(dir);
    await store.append('tandem-voice', newObservation());
    await chmod(path.join(dir, 'observations'), 0o500);
    try {
      await expect(store.append('tandem-voice', newObservation())).rejects.toBeInstanceOf(StoreWriteError);
      expect((await store.list('tandem-voice')).map((o) => o.id)).toEqual([1]);
    } finally {
      await chmod(path.join(dir, 'observations'), 0o700);
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
