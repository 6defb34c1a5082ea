import { html, isolated, plainText, type Html } from '../html.js';
import { voiced, type SectionContext } from './context.js';
import { answer, answerList, fact, notAnswered, place, pointerLink, sourcesOf } from './facts.js';

const CLIENT: Record<string, string> = { true: 'ships the client users run', false: 'does not ship the client' };

/** Question 4: licensees, processors and partners — seat, relationship, access, capabilities, and who ships the client. */
export function thirdPartiesSection(ctx: SectionContext): Html {
  const parties = ctx.declaration.thirdParties;
  const head = html`<h2 id="third-parties">4. Third parties with access</h2>`;
  if (parties === undefined) return html`${head}<p>${notAnswered()} — ${voiced(ctx, 'the declaration has no third-party section', 'no evidence names a third party')}, so question 4 is open and the range is wide.</p>`;
  if (parties.length === 0) return html`${head}<p>${voiced(ctx, 'None: the provider states that no third party has access to user data.', 'None known: the evidence names no third party.')}</p>`;
  const rows = parties.map((p, i) => {
    const at = ['thirdParties', i];
    return html`<tr id="party-${p.id}"><th scope="row">${isolated(p.name)}<div class="muted"><code>${p.id}</code></div>${p.description ? html`<div class="muted">${plainText(p.description)}</div>` : ''}${sourcesOf(p.sources)}</th>
<td>${p.jurisdiction === undefined ? notAnswered() : fact(ctx, place(ctx, p.jurisdiction), ...at, 'jurisdiction')}</td>
<td>${fact(ctx, p.relationship, ...at, 'relationship')}</td>
<td>${p.categories === undefined ? notAnswered() : fact(ctx, answerList(p.categories, ctx.categoryLabel), ...at, 'categories')}</td>
<td>${p.capabilities === undefined ? notAnswered() : fact(ctx, answerList(p.capabilities, (v) => v, 'none known'), ...at, 'capabilities')}</td>
<td>${p.distributesClient === undefined ? notAnswered() : fact(ctx, answer(p.distributesClient === 'undisclosed' ? 'undisclosed' : String(p.distributesClient), (v) => CLIENT[v] ?? v), ...at, 'distributesClient')}</td>
<td>${pointerLink(ctx, ...at)}</td></tr>`;
  });
  return html`${head}<p class="muted">${voiced(ctx, "The provider's complete list: a party not named here has no access, by its own statement.", 'At least these parties, as reviewers documented them: the provider has not declared its list, so others may have access.')}</p>
<div class="table-scroll"><table class="facts-table parties"><caption>Third parties: seat, relationship, access and capabilities</caption>
<thead><tr><th scope="col">party</th><th scope="col">seat</th><th scope="col">relationship</th><th scope="col">categories it can access</th><th scope="col">surveillance or censorship capabilities</th><th scope="col">client</th><th scope="col">raw</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}
