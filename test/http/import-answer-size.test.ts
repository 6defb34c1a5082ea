import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { adminAuth, testService, validDeclaration } from '../support/service.js';

describe('the answer to a CSV import', () => {
  it('lists the first 1000 skipped lines and counts them all, however many there are', async () => {
    const { app } = await testService();
    await request(app).post('/v1/providers/veritalk/declarations').set(adminAuth).set('content-type', 'application/json').send(JSON.stringify(validDeclaration())).expect(201);
    const lines = Array.from({ length: 3000 }, (_, i) => `2020-06-30,Atlantis ${i},,All,1,2,3`);
    const csv = ['Period Ending,Country/Region,CLDR Territory Code,Legal Process,User Data Requests,Percentage disclosed,Accounts', ...lines].join('\n');
    const res = await request(app).post('/v1/providers/veritalk/transparency').set(adminAuth).set('content-type', 'text/csv').send(csv).expect(200);
    expect(res.body.skippedTotal).toBe(3000);
    expect(res.body.skipped).toHaveLength(1000);
    expect(res.body.skipped[0].line).toBe(2);
    expect(res.body.skipped[999].line).toBe(1001);
  });
});
