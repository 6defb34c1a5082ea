import { runCli } from './program.js';

// `npm run cli -- validate draft.json` runs in the package root; paths are meant from where npm was called.
if (process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
});
// Not process.exit(): `serve` keeps running after its action returns.
process.exitCode = code;
