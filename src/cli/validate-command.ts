import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { checkDeclarationText, type LocatedIssue } from '../formats/check-declaration-text.js';
import type { SchemaRegistry } from '../formats/schema-registry.js';
import type { CliContext } from './cli-context.js';
import { schemaRegistry } from './core-data.js';

interface FileReport {
  file: string;
  valid: boolean;
  errors: LocatedIssue[];
  warnings: LocatedIssue[];
}

async function checkFile(registry: SchemaRegistry, file: string, providerId?: string): Promise<FileReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { file, valid: false, errors: [{ pointer: '', keyword: 'read', message: `cannot read: ${reason}`, line: 0, column: 0 }], warnings: [] };
  }
  const { valid, errors, warnings } = checkDeclarationText(registry, text, { providerId });
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
    .argument('<file...>', 'declaration JSON files')
    .option('--json', 'print a machine-readable report')
    .option('--provider <id>', 'also require provider.id to equal this id (as a submission under that id would)')
    .addHelpText('after', '\nExit status: 0 when every file is valid, 1 when any is not.\n\nExample:\n  retention-atlas validate draft.json')
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
        for (const issue of report.errors) ctx.out(issueLine(report.file, 'error', issue) + '\n');
        for (const issue of report.warnings) ctx.out(issueLine(report.file, 'warning', issue) + '\n');
        const verdict = report.valid ? 'valid' : `invalid, ${plural(report.errors.length, 'error')}`;
        ctx.out(`${report.file}: ${verdict}${report.warnings.length ? `, ${plural(report.warnings.length, 'warning')}` : ''}\n`);
      }
      if (reports.length > 1) {
        const invalid = reports.filter((r) => !r.valid).length;
        ctx.out(`${plural(reports.length, 'file')} checked: ${reports.length - invalid} valid, ${invalid} invalid\n`);
      }
    });
}
