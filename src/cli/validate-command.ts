import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { checkDeclarationText, type LocatedIssue } from '../formats/check-declaration-text.js';
import type { SchemaRegistry } from '../formats/schema-registry.js';
import type { CliContext } from './cli-context.js';
import { policyData, schemaRegistry } from './core-data.js';
import { draftFindings } from '../service/draft-findings.js';
import { todayUtc } from '../law/in-force.js';

interface FileReport {
  file: string;
  valid: boolean;
  errors: LocatedIssue[];
  warnings: LocatedIssue[];
}

/** Why a file could not be read, in words rather than an errno. */
export function readFailure(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return (error as Error).message;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const unreadable = (file: string, reason: string): FileReport => ({
  file,
  valid: false,
  errors: [{ pointer: '', keyword: 'read', message: `cannot read: ${reason}`, line: 0, column: 0 }],
  warnings: [],
});

async function checkFile(registry: SchemaRegistry, file: string, providerId?: string): Promise<FileReport> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    return unreadable(file, readFailure(error));
  }
  // "Unexpected end of JSON input" says little about a file that has nothing in it.
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return { file, valid: false, errors: [{ pointer: '', keyword: 'parse', message: 'the file is empty: a declaration is a JSON object', line: 1, column: 1 }], warnings: [] };
  }
  // The same warnings as POST /v1/validate: the format's, then every unanswered question.
  const { valid, errors, warnings } = checkDeclarationText(registry, text, { providerId }, (declaration) => draftFindings(declaration, undefined, policyData(), todayUtc()).warnings);
  return { file, valid, errors, warnings };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `file:line:column: severity: pointer: message [keyword]` — the shape editors and terminals make clickable. */
function issueLine(file: string, severity: string, issue: LocatedIssue): string {
  const where = issue.line > 0 ? `${file}:${issue.line}:${issue.column}` : file;
  return `${where}: ${severity}: ${issue.pointer || '(document)'}: ${issue.message} [${issue.keyword}]`;
}

export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('check declaration files against the format, as POST /v1/validate does, with line numbers')
    .argument('<file...>', 'declaration JSON files (- reads standard input)')
    .option('--json', 'print a machine-readable report')
    .option('--provider <id>', 'also require provider.id to equal this id (as a submission under that id would)')
    .addHelpText('after', '\nErrors print as file:line:column: error: /json/pointer: message [keyword].\nExit status: 0 when every file is valid, 1 when any is invalid or unreadable.\n\nExamples:\n  retention-atlas validate draft.json\n  retention-atlas validate --json drafts/*.json')
    .action(async (files: string[], options: { json?: boolean; provider?: string }) => {
      const registry = schemaRegistry();
      const reports: FileReport[] = [];
      for (const file of files) reports.push(await checkFile(registry, file, options.provider));
      const allValid = reports.every((r) => r.valid);
      if (!allValid) ctx.fail(1);

      if (options.json) {
        ctx.out(JSON.stringify({ valid: allValid, files: reports }, null, 2) + '\n');
        return;
      }
      for (const report of reports) {
        // A file that cannot be read is a failure of the run, not a finding about a declaration: stderr.
        if (report.errors.some((e) => e.keyword === 'read')) {
          ctx.err(`error: ${report.file}: ${report.errors[0].message}\n`);
          continue;
        }
        for (const issue of report.errors) ctx.out(issueLine(report.file, 'error', issue) + '\n');
        for (const issue of report.warnings) ctx.out(issueLine(report.file, 'warning', issue) + '\n');
        const verdict = report.valid ? 'valid' : `invalid, ${plural(report.errors.length, 'error')}`;
        ctx.out(`${report.file}: ${verdict}${report.warnings.length ? `, ${plural(report.warnings.length, 'warning')}` : ''}\n`);
      }
      if (reports.length > 1) {
        const unread = reports.filter((r) => r.errors.some((e) => e.keyword === 'read')).length;
        const invalid = reports.filter((r) => !r.valid).length - unread;
        ctx.out(`${plural(reports.length, 'file')} checked: ${reports.length - invalid - unread} valid, ${invalid} invalid${unread ? `, ${unread} unreadable` : ''}\n`);
      }
    });
}
