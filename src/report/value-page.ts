import { parsePointer, pointer as toPointer } from '../formats/json-pointer.js';
import { html, plainText, type Html } from './html.js';
import { page } from './layout.js';
import { valueHref } from './sections/facts.js';

export interface ValuePageData {
  providerId: string;
  providerName: string;
  version: number;
  pointer: string;
  /** The value at `pointer` (the whole document for ""). */
  value: unknown;
}

/**
 * `/providers/{id}/declarations/{version}?pointer=…`: the raw value a fact on the report
 * rests on, exactly as the provider wrote it, with the way up to the whole document.
 */
export function valuePage(d: ValuePageData): Html {
  const segments = parsePointer(d.pointer);
  const ancestors = segments.map((_, i) => toPointer(...segments.slice(0, i)));
  const crumbs = ancestors.map((p, i) => html`<a href="${valueHref(d, p)}"><code>${i === 0 ? '(document)' : segments[i - 1]}</code></a> / `);
  const enc = encodeURIComponent(d.providerId);
  const body = html`<p class="crumbs"><a href="/">All providers</a> › <a href="/providers/${enc}">${plainText(d.providerName)}</a></p>
<h1>Version ${d.version}: <code>${d.pointer || '(the whole document)'}</code></h1>
<p class="muted">${crumbs}${segments.length ? html`<code>${segments[segments.length - 1]}</code>` : ''}</p>
<pre class="raw">${JSON.stringify(d.value, null, 2)}</pre>
<p>The document exactly as submitted, byte for byte: <a href="/v1/providers/${enc}/declarations/${d.version}">/v1/providers/${d.providerId}/declarations/${d.version}</a></p>`;
  return page({ title: `${d.providerName} v${d.version} ${d.pointer}`, body });
}
