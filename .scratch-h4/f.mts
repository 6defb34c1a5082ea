import { testService } from '../test/support/service.ts';
import { buildService } from '../src/bootstrap.ts';
import { readFileSync, readdirSync } from 'node:fs';
const { atlas } = await testService();
for (const f of readdirSync('policies/providers')) {
  const doc = JSON.parse(readFileSync('policies/providers/'+f,'utf8'));
  await atlas.submit(doc.provider.id, doc, JSON.stringify(doc));
  const a = atlas.latestOf(doc.provider.id)!.analysis;
  console.log(f, a.findings.length, a.findings.filter(x=>x.severity!=='warning').map(x=>`${x.rule} ${x.jurisdiction??''} ${x.pointers.join(' ')} :: ${x.message}`));
}
