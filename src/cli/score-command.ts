import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { checkDeclarationText } from '../formats/check-declaration-text.js';
import type { Declaration } from '../formats/types.generated.js';
import { exposureGrid, type ExposureGrid } from '../report/exposure-grid.js';
import { todayUtc } from '../law/in-force.js';
import { computeExposure, disclosureScore, summarizeExposure } from '../scoring/index.js';
import { CliError, type CliContext } from './cli-context.js';
import { policyData, schemaRegistry } from './core-data.js';
import { readFailure } from './validate-command.js';

const list = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

const CELL = 13; // "40.5–100.0 F": both bounds to one decimal, as the API gives them, and the worst-case grade
const DEFAULT_WIDTH = 100;

/**
 * The matrix as fixed-width tables: a row per category, a column per jurisdiction,
 * "established–worstCase grade" per cell (one number when they are equal). Columns that do not fit the terminal go to a further block
 * (same rows), so twenty jurisdictions stay readable in an 80-column terminal.
 */
export function textTable(grid: ExposureGrid, width = DEFAULT_WIDTH): string {
  const first = Math.max(8, ...grid.categories.map((c) => c.length));
  const perBlock = Math.max(1, Math.floor((width - first) / (CELL + 2)));
  const blocks: string[] = [];
  for (let at = 0; at < grid.jurisdictions.length; at += perBlock) {
    const columns = grid.jurisdictions.slice(at, at + perBlock);
    const header = ['category'.padEnd(first), ...columns.map((j) => j.padStart(CELL))].join('  ');
    const rows = grid.categories.map((category) =>
      [category.padEnd(first), ...columns.map((j) => {
        const cell = grid.at(category, j);
        const bounds = cell && (cell.established === cell.worstCase ? cell.worstCase.toFixed(1) : `${cell.established.toFixed(1)}–${cell.worstCase.toFixed(1)}`);
        return (cell ? `${bounds} ${cell.grade}` : '–').padStart(CELL);
      })].join('  ').trimEnd(),
    );
    blocks.push([header, '-'.repeat(header.length), ...rows].join('\n') + '\n');
  }
  return blocks.join('\n');
}

/** Every unknown filter value at once, so one run tells the whole story. */
function unknownFilters(checks: { requested: string[] | undefined; known: string[]; what: string }[]): void {
  const problems = checks.flatMap(({ requested, known, what }) => {
    const missing = (requested ?? []).filter((r) => !known.includes(r));
    return missing.length > 0 ? [`unknown ${what}: ${missing.join(', ')} (known: ${known.join(', ')})`] : [];
  });
  if (problems.length > 0) throw new CliError(problems.join('\n'));
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
    .option('--law-date <date>', 'apply the law in force on this date (YYYY-MM-DD; default today, UTC)')
    .addHelpText('after', '\nExample:\n  retention-atlas score draft.json --jurisdiction CN,US --category message-content')
    .action(async (file: string, options: { jurisdiction?: string[]; category?: string[]; json?: boolean; csv?: boolean; explain?: boolean; lawDate?: string }) => {
      if (options.json && options.csv) throw new CliError('choose one of --json and --csv');
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        throw new CliError(`cannot read ${file}: ${readFailure(error)}`);
      });
      if (text.replace(/^\uFEFF/, '').trim() === '') throw new CliError(`${file} is empty: nothing to score`, 1);
      const check = checkDeclarationText(schemaRegistry(), text);
      if (!check.valid) {
        for (const e of check.errors) ctx.err(`${file}:${e.line}:${e.column}: error: ${e.pointer || '(document)'}: ${e.message} [${e.keyword}]\n`);
        throw new CliError(`${file} is not a valid declaration; nothing to score (see retention-atlas validate)`, 1);
      }
      const declaration = check.document as Declaration;
      const { jurisdictions, params } = policyData();
      // Jurisdiction codes are upper case everywhere; `-j cn` means CN.
      options.jurisdiction = options.jurisdiction?.map((j) => j.toUpperCase());
      unknownFilters([
        { requested: options.jurisdiction, known: jurisdictions.map((j) => j.code), what: 'jurisdiction' },
        { requested: options.category, known: params.categories.map((c) => c.category), what: 'category' },
      ]);

      const lawDate = options.lawDate ?? todayUtc();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(lawDate) || new Date(`${lawDate}T00:00:00Z`).toISOString?.().slice(0, 10) !== lawDate) throw new CliError(`--law-date must be a date as YYYY-MM-DD, got "${lawDate}"`);
      const result = computeExposure(declaration, jurisdictions, params, { lawDate, explain: options.explain || options.json ? 'full' : 'compact' });
      const grid = exposureGrid(result.cells, { jurisdictions: options.jurisdiction, categories: options.category });
      const summary = summarizeExposure({ ...result, cells: grid.cells }, params);
      const disclosure = disclosureScore(declaration);

      if (options.json) {
        const { id: providerId, name } = declaration.provider;
        ctx.out(JSON.stringify({ providerId, name, modelVersion: result.modelVersion, lawDate: result.lawDate, overall: summary.overall, disclosureScore: disclosure.score, cells: grid.cells }, null, 2) + '\n');
        return;
      }
      if (options.csv) {
        const providerId = declaration.provider.id;
        const rows = grid.cells.map((c) => [providerId, c.category, c.jurisdiction, c.established, c.worstCase, c.score, c.grade, c.pathways.filter((p) => p.score > 0).map((p) => p.pathway).join(' ')]);
        ctx.out(stringify([['providerId', 'category', 'jurisdiction', 'established', 'worstCase', 'score', 'grade', 'pathways'], ...rows], { record_delimiter: '\n' }));
        return;
      }
      ctx.out(`${declaration.provider.name} (${declaration.provider.id}), as of ${declaration.asOf} — model ${result.modelVersion}, law as of ${result.lawDate}\n`);
      const filtered = Boolean(options.jurisdiction?.length || options.category?.length);
      ctx.out(`exposure: grade ${summary.overall.grade}, worst cell ${summary.overall.established}–${summary.overall.worstCase}/100 (established–worst case)${filtered ? ' (in this selection)' : ''}; disclosure score ${disclosure.score}/100\n\n`);
      ctx.out(grid.cells.length > 0 ? textTable(grid, ctx.columns) : 'no cells: no jurisdiction profiles or categories match\n');
      if (options.explain) {
        for (const cell of grid.cells.filter((c) => c.score > 0)) {
          ctx.out(`\n${cell.category} × ${cell.jurisdiction}: ${cell.established}–${cell.worstCase} (${cell.establishedGrade}–${cell.grade})\n`);
          for (const p of cell.pathways.filter((p) => p.score > 0)) ctx.out(`  ${p.pathway} ${p.established}–${p.worstCase}: ${p.explanation}\n`);
          for (const u of cell.unknowns) ctx.out(`  unknown (${u.side}) ${u.pointer}${u.note ? `: ${u.note}` : ''}\n`);
        }
      }
    });
}
