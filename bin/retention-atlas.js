#!/usr/bin/env node
// The installed entry point: the compiled CLI in dist/ (rebuilt first when missing or stale, as before `npm start`).
import { ensureBuilt } from '../scripts/build.mjs';

ensureBuilt();
await import('../dist/cli/main.js');
