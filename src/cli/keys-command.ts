import type { Command } from 'commander';
import { parseKeyRequest, type KeyRequest } from '../auth/key-request.js';
import { LowdbKeyStore } from '../auth/lowdb-key-store.js';
import { mintToken } from '../auth/token.js';
import { InvalidDocumentError } from '../formats/validation-error.js';
import { CliError, type CliContext } from './cli-context.js';
import { addTargetOptions, problemMessage, send, targetOf, withDataDir, type TargetOptions } from './target.js';

interface CreatedKey {
  id: string;
  token: string;
  role: string;
  providerId: string | null;
  organisation?: string;
  label?: string;
  createdAt: string;
}

/** Mints a key into DATA_DIR/keys.json as POST /v1/keys does; the token exists only in the answer. */
async function createLocally(dataDir: string, request: KeyRequest): Promise<CreatedKey> {
  return withDataDir(dataDir, async () => {
    const keys = await LowdbKeyStore.open(dataDir);
    try {
      const { id, token, hash } = mintToken();
      const createdAt = new Date().toISOString();
      await keys.add({ id, hash, createdAt, createdBy: 'cli', ...request });
      return { id, token, ...request, createdAt };
    } finally {
      await keys.close();
    }
  });
}

async function createOnServer(url: string, token: string, request: KeyRequest): Promise<CreatedKey> {
  const response = await send(`${url}/v1/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok) throw new CliError(await problemMessage(response), 1);
  return (await response.json()) as CreatedKey;
}

export function registerKeys(program: Command, ctx: CliContext): void {
  const keys = program.command('keys').description('manage API keys');
  addTargetOptions(
    keys
      .command('create')
      .description('mint an API key; its token is printed once and never stored')
      .requiredOption('-r, --role <role>', 'admin (any provider, key management), provider (one provider) or reviewer (observations)')
      .option('-p, --provider <id>', 'the provider a provider key may write for')
      .option('-o, --organisation <name>', 'the organisation a reviewer key speaks for')
      .option('-l, --label <text>', 'a note on whom the key is for'),
  )
    .option('--json', 'print the key as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  retention-atlas keys create --role provider --provider quietline --data-dir ./data\n  retention-atlas keys create --role admin --server http://127.0.0.1:3000 --token "$ADMIN_API_KEY"',
    )
    .action(async (options: TargetOptions & { role: string; provider?: string; organisation?: string; label?: string; json?: boolean }) => {
      let request: KeyRequest;
      try {
        request = parseKeyRequest({ role: options.role, ...(options.provider ? { providerId: options.provider } : {}), ...(options.organisation ? { organisation: options.organisation } : {}), ...(options.label ? { label: options.label } : {}) });
      } catch (error) {
        if (error instanceof InvalidDocumentError) throw new CliError(error.errors.map((e) => `${e.pointer.slice(1) || 'request'}: ${e.message}`).join('; '));
        throw error;
      }
      const target = targetOf(options);
      const key = target.kind === 'server' ? await createOnServer(target.url, target.token, request) : await createLocally(target.dataDir, request);
      if (options.json) return ctx.out(JSON.stringify(key, null, 2) + '\n');
      ctx.out(`created ${key.id} (${key.role}${key.providerId ? ` for ${key.providerId}` : ''}${key.organisation ? ` for ${key.organisation}` : ''})\n`);
      ctx.out(`token (shown once, store it now): ${key.token}\n`);
    });
}
