import { readFileSync } from 'node:fs';
import request from 'supertest';
import { testService } from '../test/support/service.ts';
const { app } = await testService();
for (const f of ['tilt.json','signal.org.tilt.json','zoom.us.tilt.json','bvg.de.tilt.json']) {
  const r = await request(app).post('/v1/import/tilt').set('content-type','application/json').send(readFileSync('/work/shared/samples/tilt/'+f,'utf8'));
  console.log(f, r.status, r.body.valid, r.body.errors?.slice(0,3), r.body.declaration?.dataCategories?.map((c:any)=>c.category+':'+c.retention.kind), r.body.unmapped?.length, r.body.repaired, r.body.declaration?.thirdParties?.length);
}
for (const body of ['[]','"x"','{}','{"dataDisclosed": {"category": "phone number.", "storage": {"temporal": {"ttl": "P72H"}}}}','{"dataDisclosed":[null,1,"x",{"category":["a"]},{"category":"E-mail","storage":[{"temporal":null}],"recipients":[{"name":{}}]}],"controller":[],"meta":7}']) {
  const r = await request(app).post('/v1/import/tilt').set('content-type','application/json').send(body);
  console.log(body.slice(0,40), r.status, r.body.valid, JSON.stringify(r.body.declaration?.dataCategories), r.body.unmapped?.length);
}
