import type { Command } from 'commander';

/** `serve` is `npm start` with flags: it sets the runtime contract's variables and runs src/main.ts. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the retention-atlas HTTP service (same as npm start)')
    .option('-p, --port <port>', 'listen port, 0 for a free one (env PORT, default 3000)')
    .option('--host <host>', 'listen address (env HOST, default 127.0.0.1)')
    .option('-d, --data-dir <dir>', 'where the store lives (env DATA_DIR, default ./data)')
    .option('--no-samples', 'keep an empty store empty (env LOAD_SAMPLE_DATA=false)')
    .action(async (options: { port?: string; host?: string; dataDir?: string; samples: boolean }) => {
      if (options.port !== undefined) process.env.PORT = options.port;
      if (options.host !== undefined) process.env.HOST = options.host;
      if (options.dataDir !== undefined) process.env.DATA_DIR = options.dataDir;
      if (!options.samples) process.env.LOAD_SAMPLE_DATA = 'false';
      await import('../main.js');
    });
}
