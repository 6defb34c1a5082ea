import { launchChromium } from '../test/browser/chromium.js';
const b = await launchChromium();
const p = await b.newPage({ viewport: { width: 1300, height: 900 } });
await p.goto('http://127.0.0.1:3999/providers/tandem-voice');
await p.locator('figure.heatmap').screenshot({ path: '/tmp/heatmap.png' });
await p.locator('table.cells').screenshot({ path: '/tmp/cells.png' });
await b.close();
