import { Command, CommanderError } from 'commander';
import { DamagedVersionError } from '../store/damaged-version.js';
import { CliError, type CliContext } from './cli-context.js';
import { registerImportTransparency } from './import-transparency-command.js';
import { registerKeys } from './keys-command.js';
import { registerMigrate } from './migrate-command.js';
import { registerObservations } from './observations-command.js';
import { registerAuthors } from './authors-commands.js';
import { registerScore } from './score-command.js';
import { registerServe } from './serve-command.js';
import { registerSubmit } from './submit-command.js';
import { registerValidate } from './validate-command.js';
import { registerVerify } from './verify-command.js';

/** The command tree. Each command lives in its own file and is a thin shell over the core. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('retention-atlas')
    .description('Check, score and publish retention declarations; run the retention-atlas service.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) })
    .exitOverride();
  registerValidate(program, ctx);
  registerScore(program, ctx);
  registerSubmit(program, ctx);
  registerImportTransparency(program, ctx);
  registerKeys(program, ctx);
  registerObservations(program, ctx);
  registerAuthors(program, ctx);
  registerMigrate(program, ctx);
  registerVerify(program, ctx);
  registerServe(program);
  return program;
}

/** Runs the CLI on `argv` (user arguments only) and returns the exit code instead of exiting. */
export async function runCli(argv: string[], ctx: Omit<CliContext, 'fail'>): Promise<number> {
  let exitCode = 0;
  const full: CliContext = { ...ctx, fail: (code) => void (exitCode = Math.max(exitCode, code)) };
  try {
    await buildProgram(full).parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      full.err(`error: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof DamagedVersionError) {
      full.err(`error: ${error.message}; run \`retention-atlas verify\` and restore it from a backup\n`);
      return 1;
    }
    throw error;
  }
  return exitCode;
}
