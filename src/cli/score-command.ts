import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { checkDeclarationText } from '../formats/check-declaration-text.js';
import type { Declaration } from '../formats/types.generated.js';
import { exposureGrid, type ExposureGrid } from '../report/exposure-grid.js';
import { computeExposure, disclosureScore, summarizeExposure } from '../scoring/index.js';
import { CliError, type CliContext } from './cli-context.js';
import { policyData, schemaRegistry } from './core-data.js';

const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/** The matrix as a fixed-width table: a row per category, a column per jurisdiction, "score grade" per cell. */
function textTable(grid: ExposureGrid): string {
  const first = Math.max(8, ...grid.categories.map((c) => c.length));
  const header = ['category'.padEnd(first), ...grid.jurisdictions.map((j) => j.padStart(6))].join(' ');
  const rows = grid.categories.map((category) =>
    [category.padEnd(first), ...grid.jurisdictions.map((j) => {
      const cell = grid.at(category, j);
      return (cell ? `${Math.round(cell.score)} ${cell.grade}` : '–').padStart(6);
    })].join(' '),
  );
  return [header, '-'.repeat(header.length), ...rows].join('\n') + '\n';
}

function unknown(requested: string[] | undefined, known: string[], what: string): void {
  const missing = (requested ?? []).filter((r) => !known.includes(r));
  if (missing.length > 0) throw new CliError(`unknown ${what}: ${missing.join(', ')} (known: ${known.join(', ')})`);
}

export function registerScore(program: Command, ctx: CliContext): void {
  program
    .command('score')
    .description('compute the exposure matrix (category × jurisdiction) of a declaration file, as POST /v1/score does')
    .argument('<file>', 'declaration JSON file')
    .option('-j, --jurisdiction <codes>', 'only these jurisdictions (comma-separated or repeated)', list)
    .option('-c, --category <ids>', 'only these categories (comma-separated or repeated)', list)
    .option('--json', 'print the cells with their pathways as JSON')
    .option('--csv', 'print one CSV row per cell')
    .option('--explain', 'list the pathways behind every non-zero cell under the table')
    .addHelpText('after', '\nExample:\n  retention-atlas score draft.json --jurisdiction CN,US --category message-content')
    .action(async (file: string, options: { jurisdiction?: string[]; category?: string[]; json?: boolean; csv?: boolean; explain?: boolean }) => {
      if (options.json && options.csv) throw new CliError('choose one of --json and --csv');
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      });
      const check = checkDeclarationText(schemaRegistry(), text);
      if (!check.valid) {
        for (const e of check.errors) ctx.err(`${file}:${e.line}:${e.column}: error: ${e.pointer || '(document)'}: ${e.message} [${e.keyword}]\n`);
        throw new CliError(`${file} is not a valid declaration; nothing to score (see retention-atlas validate)`, 1);
      }
      const declaration = check.document as Declaration;
      const { jurisdictions, params } = policyData();
      unknown(options.jurisdiction, jurisdictions.map((j) => j.code), 'jurisdiction');
      unknown(options.category, params.categories.map((c) => c.category), 'category');

      const result = computeExposure(declaration, jurisdictions, params);
      const grid = exposureGrid(result.cells, { jurisdictions: options.jurisdiction, categories: options.category });
      const summary = summarizeExposure({ ...result, cells: grid.cells }, params);
      const disclosure = disclosureScore(declaration);

      if (options.json) {
        const { id: providerId, name } = declaration.provider;
        ctx.out(JSON.stringify({ providerId, name, modelVersion: result.modelVersion, overall: summary.overall, disclosureScore: disclosure.score, cells: grid.cells }, null, 2) + '\n');
        return;
      }
      if (options.csv) {
        const rows = grid.cells.map((c) => [c.category, c.jurisdiction, c.score, c.grade, c.pathways.filter((p) => p.score > 0).map((p) => p.pathway).join(' ')]);
        ctx.out(stringify([['category', 'jurisdiction', 'score', 'grade', 'pathways'], ...rows], { record_delimiter: '\n' }));
        return;
      }
      ctx.out(`${declaration.provider.name} (${declaration.provider.id}), as of ${declaration.asOf} — model ${result.modelVersion}\n`);
      ctx.out(`exposure: grade ${summary.overall.grade}, worst cell ${summary.overall.score}/100; disclosure score ${disclosure.score}/100\n\n`);
      ctx.out(grid.cells.length > 0 ? textTable(grid) : 'no cells: no jurisdiction profiles or categories match\n');
      if (options.explain) {
        for (const cell of grid.cells.filter((c) => c.score > 0)) {
          ctx.out(`\n${cell.category} × ${cell.jurisdiction}: ${cell.score} (${cell.grade})\n`);
          for (const p of cell.pathways.filter((p) => p.score > 0)) ctx.out(`  ${p.pathway} ${p.score}: ${p.explanation}\n`);
        }
      }
    });
}
