/**
 * Runs the end-to-end tests in test/browser/*.e2e.ts against a really running server
 * in Debian's chromium (`npm run test:browser`). Jest ignores this directory; these
 * tests need a browser and a listening server, so they run apart from the unit suite.
 * Screenshots land in artifacts/ (git-ignored, kept by CI).
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../support/running-server.js';
import { launchChromium } from './chromium.js';
import type { BrowserEnv, E2eModule } from './env.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const artifacts = path.resolve(here, '../../artifacts');
// E2E_FILES=a.e2e.ts,b.e2e.ts runs only those (on a shared machine, the files a change touches).
const only = process.env.E2E_FILES?.split(',').filter(Boolean);
const files = (await readdir(here)).filter((f) => f.endsWith('.e2e.ts') && (!only || only.includes(f))).sort();
const modules = await Promise.all(files.map(async (f) => [f, (await import(pathToFileURL(path.join(here, f)).href)) as E2eModule] as const));

const ADMIN_TOKEN = 'ra_browser_test_admin_token_0123456789abcdef';
let server: RunningServer | undefined;
let browser: Browser | undefined;
const env: BrowserEnv = {
  get baseUrl() {
    return server!.url;
  },
  get browser() {
    return browser!;
  },
  adminToken: ADMIN_TOKEN,
  screenshot: (name) => path.join(artifacts, `${name}.png`),
};

// The files run side by side (each test opens its own pages in the one browser), which keeps the run well under 30 s.
describe('in a real browser', { concurrency: true }, () => {
  before(async () => {
    await mkdir(artifacts, { recursive: true });
    // Independent: start both at once.
    [server, browser] = await Promise.all([startServer({ env: { LOAD_SAMPLE_DATA: 'true', ADMIN_API_KEY: ADMIN_TOKEN } }), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  // Within a file, tests run in order (one may add a provider that another counts).
  for (const [file, module] of modules) describe(file, { concurrency: 1 }, () => module.register(env));
});
