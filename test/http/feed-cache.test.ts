import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { adminAuth, testService, validDeclaration } from '../support/service.js';

describe('Atom feeds, remembered per revision', () => {
  it('renders a feed once until a write changes it, then shows the new version', async () => {
    const { app, atlas } = await testService();
    const submit = (asOf: string) =>
      request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify({ ...validDeclaration(), asOf }));
    await submit('2024-01-01').expect(201);
    let reads = 0;
    const declarationAt = atlas.declarationAt.bind(atlas);
    atlas.declarationAt = (id, version) => {
      reads++;
      return declarationAt(id, version);
    };
    for (const path of ['/v1/providers/veritalk/feed.atom', '/v1/feed.atom']) {
      const first = await request(app).get(path).set('host', 'atlas.example').expect(200);
      const readsAfterFirst = reads;
      const again = await request(app).get(path).set('host', 'atlas.example').expect(200);
      expect(again.text).toBe(first.text);
      expect(reads).toBe(readsAfterFirst); // answered without touching the versions
    }
    await submit('2024-02-01').expect(201);
    for (const path of ['/v1/providers/veritalk/feed.atom', '/v1/feed.atom']) {
      expect((await request(app).get(path).expect(200)).text).toContain('/v1/providers/veritalk/declarations/2');
    }
    // Another host name gets links of its own.
    expect((await request(app).get('/v1/feed.atom').set('host', 'mirror.example').expect(200)).text).toContain('http://mirror.example/');
  });

  it('makes each version\'s entry once: after a new version, a feed reads only that version and the one before', async () => {
    const { app, atlas } = await testService();
    const submit = (asOf: string) =>
      request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify({ ...validDeclaration(), asOf }));
    for (let month = 1; month <= 9; month++) await submit(`2024-0${month}-01`).expect(201);
    let reads = 0;
    const declarationAt = atlas.declarationAt.bind(atlas);
    atlas.declarationAt = (id, version) => {
      reads++;
      return declarationAt(id, version);
    };
    const path = '/v1/providers/veritalk/feed.atom';
    const whole = (await request(app).get(path).set('host', 'atlas.example').expect(200)).text;
    expect(reads).toBe(1 + 2 * 8); // nine entries: the first reads one version, the others two
    await submit('2024-10-01').expect(201);
    reads = 0;
    const after = (await request(app).get(path).set('host', 'atlas.example').expect(200)).text;
    expect(reads).toBe(2); // version 10 and version 9, for its diff; the other nine entries were kept
    expect(after).toContain('/v1/providers/veritalk/declarations/10');
    expect(after).toContain(whole.slice(whole.indexOf('<entry>'), whole.indexOf('</entry>')));
  });
});

