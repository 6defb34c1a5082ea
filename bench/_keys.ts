import { parseJsonDocument } from '../src/formats/json-document.js';
import { inspectJsonText } from '../src/formats/json-inspection.js';
import { loadSchemaRegistry } from '../src/formats/schema-registry.js';
import { checkDeclaration } from '../src/formats/validate-declaration.js';
import { validDeclaration } from '../test/support/service.js';
const registry = loadSchemaRegistry();
const MB = 1024 * 1024;
const parts: string[] = []; let len = 0; const head = JSON.stringify(validDeclaration('hostile-co')).slice(0, -1) + ',';
for (let i = 0; len < MB - 200; i++) { const p = `"k${i}":0`; parts.push(p); len += p.length + 1; }
const text = head + parts.join(',') + '}';
checkDeclaration(registry, { format: 1, k: 1 });
for (let r = 0; r < 3; r++) {
  let t = performance.now(); JSON.parse(text); const a = performance.now() - t;
  t = performance.now(); inspectJsonText(text, 64, 20000); const b = performance.now() - t;
  t = performance.now(); const { value } = parseJsonDocument(text); const c = performance.now() - t;
  t = performance.now(); registry.quickValidator('declaration')(value); const d = performance.now() - t;
  t = performance.now(); checkDeclaration(registry, value); const e = performance.now() - t;
  console.log(`JSON.parse ${a.toFixed(0)} inspect ${b.toFixed(0)} parseJsonDocument ${c.toFixed(0)} quick ${d.toFixed(0)} checkDeclaration ${e.toFixed(0)} ms`);
}
