import { html, isolated, plainText, safeUrl, type Html } from '../html.js';
import { voiced, type SectionContext } from './context.js';
import { answer, answerList, fact, notAnswered, place, pointerLink, processName, sourcesOf } from './facts.js';

const LIVE: Record<string, string> = { supported: 'supported: it can intercept a user in real time on demand', 'not-supported': 'not supported: it cannot intercept in real time' };
const ENCRYPTION: Record<string, string> = { 'refuse-or-withdraw': 'refuses (and withdraws from the market if it must)', comply: 'complies' };
const POSITION: Record<string, string> = { subject: 'subject to it', 'not-subject': 'not subject to it' };
const NOTIFY: Record<string, string> = { always: 'always', 'unless-prohibited': 'unless prohibited', never: 'never' };

/** Question 5: statutes and positions, policies per legal process, notification, live interception, encryption demands. */
export function legalProcessSection(ctx: SectionContext): Html {
  const lp = ctx.declaration.legalProcess;
  const head = html`<h2 id="legal-process">5. Legal process and lawful interception</h2>`;
  if (lp === undefined) return html`${head}<p>${notAnswered()} — ${voiced(ctx, 'the declaration has no legal-process section.', 'no evidence about legal process.')}</p>`;
  const guidelines = safeUrl(lp.guidelinesUrl);
  const statutes = lp.interceptionStatutes;
  const policies = lp.policies;
  const statuteRows = (statutes ?? []).map(
    (s, i) => html`<tr><th scope="row">${isolated(s.statute)}</th><td>${place(ctx, s.jurisdiction)}</td><td>${fact(ctx, answer(s.position, (v) => POSITION[v] ?? v), 'legalProcess', 'interceptionStatutes', i, 'position')}</td><td>${s.explanation ? plainText(s.explanation) : ''}</td><td>${pointerLink(ctx, 'legalProcess', 'interceptionStatutes', i)}</td></tr>`,
  );
  const policyRows = (policies ?? []).map((p, i) => {
    const at = ['legalProcess', 'policies', i];
    return html`<tr><th scope="row">${processName(p.process)}</th><td>${place(ctx, p.jurisdiction)}</td><td>${fact(ctx, answerList(p.categories, ctx.categoryLabel, 'nothing'), ...at, 'categories')}</td><td>${fact(ctx, answer(p.userNotification, (v) => NOTIFY[v] ?? v), ...at, 'userNotification')}</td><td>${p.requiresJudicialReview === undefined ? notAnswered() : fact(ctx, p.requiresJudicialReview ? 'required' : 'not required', ...at, 'requiresJudicialReview')}</td><td>${pointerLink(ctx, ...at)}</td></tr>`;
  });
  return html`${head}
<dl class="facts">
<dt>live interception</dt><dd>${lp.liveInterception === undefined ? notAnswered() : fact(ctx, answer(lp.liveInterception, (v) => LIVE[v] ?? v), 'legalProcess', 'liveInterception')}</dd>
<dt>orders to weaken encryption</dt><dd>${lp.encryptionDemands === undefined ? notAnswered() : fact(ctx, answer(lp.encryptionDemands, (v) => ENCRYPTION[v] ?? v), 'legalProcess', 'encryptionDemands')}</dd>
<dt>law-enforcement guidelines</dt><dd>${guidelines ? html`<a href="${guidelines}" rel="nofollow noopener">${guidelines}</a>` : notAnswered()}</dd>
</dl>
${sourcesOf(lp.sources)}
<h3 id="statutes">Interception statutes</h3>
${statutes === undefined ? html`<p>${notAnswered()}</p>` : statutes.length === 0 ? html`<p>None named.</p>` : html`<div class="table-scroll"><table class="facts-table statutes"><caption>${voiced(ctx, 'How the provider reads its lawful-interception duties', 'How the provider reads its lawful-interception duties, as reviewers documented it')}</caption>
<thead><tr><th scope="col">statute</th><th scope="col">jurisdiction</th><th scope="col">position</th><th scope="col">explanation</th><th scope="col">raw</th></tr></thead><tbody>${statuteRows}</tbody></table></div>`}
<h3 id="policies">What it discloses, per legal process</h3>
${policies === undefined ? html`<p>${notAnswered()}</p>` : policies.length === 0 ? html`<p>${voiced(ctx, 'None: the provider states it has no disclosure policy for any process.', 'None known.')}</p>` : html`<div class="table-scroll"><table class="facts-table policies"><caption>${voiced(ctx, "Disclosure policies: the provider's complete list", 'Disclosure policies, as reviewers documented them (at least these)')}</caption>
<thead><tr><th scope="col">process</th><th scope="col">jurisdiction</th><th scope="col">discloses</th><th scope="col">tells the user</th><th scope="col">judicial review</th><th scope="col">raw</th></tr></thead><tbody>${policyRows}</tbody></table></div>`}`;
}
