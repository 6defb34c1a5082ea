import type { Finding } from '../../findings/rule.js';
import { html, plainText, type Html } from '../html.js';

const item = (f: Finding) =>
  html`<li class="finding ${f.severity}"><span class="severity">${f.kind === 'disclosure' ? 'disclosed' : f.severity}</span> <span class="rule">${f.rule}${f.jurisdiction ? ` · ${f.jurisdiction}` : ''}</span><div class="message">${plainText(f.message)}</div>${f.pointers.length ? html`<div class="pointers">${f.pointers.map((p, i) => html`${i ? ' ' : ''}<code>${p}</code>`)}</div>` : ''}</li>`;

/**
 * Findings, split by what they are about: errors of the document (contradictions,
 * regressions), what the document honestly reveals (a licensee with surveillance powers),
 * and gaps (unanswered questions).
 */
export function findingsSection(list: Finding[] | undefined, providerId: string): Html | string {
  if (!list) return '';
  const head = html`<h2 id="findings">Findings</h2>`;
  if (list.length === 0) return html`${head}<p>No contradictions, gaps or regressions found in the latest version.</p>`;
  const revealed = list.filter((f) => f.kind === 'disclosure');
  const errors = list.filter((f) => f.kind !== 'disclosure' && f.severity === 'error');
  const others = list.filter((f) => f.kind !== 'disclosure' && f.severity !== 'error');
  return html`${head}<p class="muted">Checks of the latest version. Also as data: <a href="/v1/providers/${encodeURIComponent(providerId)}/findings">JSON</a> · <a href="/v1/providers/${encodeURIComponent(providerId)}/findings?format=csv">CSV</a></p>
<h3 id="findings-errors">Errors in the declaration</h3>
${errors.length ? html`<ul class="findings">${errors.map(item)}</ul>` : html`<p>None: no contradictions or regressions.</p>`}
${revealed.length ? html`<h3 id="findings-revealed">What the declaration reveals</h3><p class="muted">Not errors: facts the provider discloses that matter to users.</p><ul class="findings">${revealed.map(item)}</ul>` : ''}
${others.length ? html`<details class="findings"${errors.length ? '' : html` open`}><summary>${others.length} ${others.length === 1 ? 'warning' : 'warnings'} (gaps and unanswered questions)</summary><ul class="findings">${others.map(item)}</ul></details>` : ''}`;
}
