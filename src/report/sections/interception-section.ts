import { html, plainText, type Html } from '../html.js';
import type { SectionContext } from './context.js';
import { answer, fact, pointerLink } from './facts.js';

const PARTY: Record<string, string> = { 'network-operator': 'network operators', provider: 'the provider', 'third-party': 'third parties', attacker: 'attackers' };
const CAPABILITY: Record<string, string> = { observe: 'can observe', retain: 'can retain', none: 'cannot observe or retain' };

/** Question 3: who can observe or retain each category in transit, as the provider understands it. */
export function interceptionSection(ctx: SectionContext): Html {
  const rows: Html[] = [];
  const unanswered: string[] = [];
  const none: string[] = [];
  ctx.declaration.dataCategories.forEach((c, i) => {
    if (c.collected === 'no') return;
    if (c.interception === undefined) return void unanswered.push(ctx.categoryLabel(c.category));
    if (c.interception.length === 0) return void none.push(ctx.categoryLabel(c.category));
    c.interception.forEach((entry, j) => {
      const at = ['dataCategories', i, 'interception', j];
      rows.push(
        html`<tr><th scope="row">${ctx.categoryLabel(c.category)}</th><td>${PARTY[entry.party] ?? entry.party}</td><td>${fact(ctx, answer(entry.capability, (v) => CAPABILITY[v] ?? v), ...at, 'capability')}</td><td>${entry.note ? plainText(entry.note) : ''}</td><td>${pointerLink(ctx, ...at)}</td></tr>`,
      );
    });
  });
  const table = rows.length
    ? html`<div class="table-scroll"><table class="facts-table interception"><caption>Who can intercept or retain what, in transit</caption>
<thead><tr><th scope="col">category</th><th scope="col">party</th><th scope="col">capability</th><th scope="col">note</th><th scope="col">raw</th></tr></thead><tbody>${rows}</tbody></table></div>`
    : '';
  return html`<h2 id="interception">3. Who can intercept or retain it</h2>
${table}
${none.length ? html`<p>No party can observe or retain (a complete, empty list): ${none.join(', ')}.</p>` : ''}
${unanswered.length ? html`<p><span class="undisclosed">not answered</span> for: ${unanswered.join(', ')} — read as open: the range runs to the worst case.</p>` : ''}
${!rows.length && !none.length && !unanswered.length ? html`<p class="muted">No collected category to answer for.</p>` : ''}`;
}
