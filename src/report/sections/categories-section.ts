import type { DataCategory } from '../../formats/types.generated.js';
import { html, plainText, type Html } from '../html.js';
import { retentionInWords } from '../retention-words.js';
import type { SectionContext } from './context.js';
import { answer, answerList, fact, notAnswered, place, pointerLink, sourcesOf, undisclosed } from './facts.js';

const COLLECTED: Record<string, string> = { yes: 'collected', no: 'not collected' };
const IN_TRANSIT: Record<string, string> = { 'end-to-end': 'end-to-end encrypted', transport: 'transport encryption only', none: 'not encrypted' };
const AT_REST: Record<string, string> = { 'end-to-end': 'end-to-end (the provider cannot read it)', 'provider-managed': 'encrypted with keys the provider holds', none: 'not encrypted' };

function row(ctx: SectionContext, id: string, entry: DataCategory | undefined, index: number): Html {
  const label = ctx.categoryLabel(id);
  if (!entry) {
    return html`<tr class="unlisted"><th scope="row">${label}</th><td colspan="5">${undisclosed('not listed')} <span class="muted">— a category the declaration leaves out counts as collected: undisclosed</span></td><td></td></tr>`;
  }
  const at = (...path: (string | number)[]) => ['dataCategories', index, ...path];
  const retention = entry.retention;
  const retentionText = retention === undefined ? notAnswered() : fact(ctx, retentionInWords(retention) ?? undisclosed(), ...at('retention'));
  const protection = entry.protection;
  const protectionCell = protection
    ? html`in transit: ${protection.inTransit === undefined ? notAnswered() : fact(ctx, answer(protection.inTransit, (v) => IN_TRANSIT[v] ?? v), ...at('protection', 'inTransit'))}<br>at rest: ${protection.atRest === undefined ? notAnswered() : fact(ctx, answer(protection.atRest, (v) => AT_REST[v] ?? v), ...at('protection', 'atRest'))}`
    : notAnswered();
  const storage = entry.storageLocations;
  const storageCell =
    storage === undefined
      ? notAnswered()
      : fact(ctx, typeof storage === 'string' ? answer(storage) : html`${storage.map((c, i) => html`${i ? ', ' : ''}${place(ctx, c)}`)}`, ...at('storageLocations'));
  return html`<tr id="category-${id}"><th scope="row">${label}${entry.description ? html`<div class="muted">${plainText(entry.description)}</div>` : ''}${sourcesOf(entry.sources)}</th>
<td>${fact(ctx, answer(entry.collected, (v) => COLLECTED[v] ?? v), ...at('collected'))}</td>
<td>${retentionText}</td>
<td>${storageCell}</td>
<td>${protectionCell}</td>
<td>${entry.purposes === undefined ? notAnswered() : answerList(entry.purposes)}</td>
<td>${pointerLink(ctx, ...at())}</td></tr>`;
}

/** Question 2: every category of the taxonomy, listed or not, with what is collected, for how long, where and how protected. */
export function categoriesSection(ctx: SectionContext): Html {
  const listed = new Map(ctx.declaration.dataCategories.map((c, i) => [c.category as string, [c, i] as const]));
  const rows = ctx.categories.map((c) => {
    const hit = listed.get(c.id);
    return row(ctx, c.id, hit?.[0], hit?.[1] ?? -1);
  });
  return html`<h2 id="data">2. What it collects and how long it keeps it</h2>
<p class="muted">Every category of the taxonomy. ${ctx.voice === 'evidence' ? html`Each value links to the evidence; <span class="undisclosed">undisclosed</span> and <span class="undisclosed">not answered</span> mark what no evidence shows` : html`Each value links to what the provider wrote; <span class="undisclosed">undisclosed</span> marks a question the provider declined or left out`}, which the model reads as open: a range from the best to the worst answer, never as safety.</p>
<div class="table-scroll"><table class="facts-table categories"><caption>Data categories: collection, retention, storage and protection</caption>
<thead><tr><th scope="col">category</th><th scope="col">collected</th><th scope="col">kept</th><th scope="col">stored in</th><th scope="col">protection</th><th scope="col">purposes</th><th scope="col">raw</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}
