import { launchChromium } from '../test/browser/chromium.js';
const b = await launchChromium();
const p = await b.newPage({ viewport: { width: 1300, height: 900 } });
const errs: string[] = [];
p.on('console', m => { if (m.type() === 'error') errs.push(m.text()); });
for (const [u, f, full] of [['/', 'index', true], ['/providers/tandem-voice', 'provider', false], ['/badges/quietline.svg', 'badge', false]] as const) {
  await p.goto('http://127.0.0.1:3999' + u);
  await p.screenshot({ path: `/tmp/${f}.png`, fullPage: full });
}
console.log(errs);
await b.close();
