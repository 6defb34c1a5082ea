#!/usr/bin/env node
// The installed entry point: the CLI is TypeScript run through tsx, as `npm start` runs the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
