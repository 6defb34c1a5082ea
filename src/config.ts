import path from 'node:path';
import { projectRoot } from './paths.js';

/** The runtime contract's environment variables, read in one place. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  loadSamples: boolean;
  bodyLimit: string;
}

const falsy = (value: string | undefined) => value !== undefined && /^(0|false|no|off)$/i.test(value.trim());

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? path.join(projectRoot, 'data')),
    loadSamples: !falsy(env.LOAD_SAMPLE_DATA),
    bodyLimit: env.BODY_LIMIT ?? '1mb',
  };
}
