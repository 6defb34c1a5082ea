import { html, type Html } from './html.js';
import { page } from './layout.js';

export interface ErrorPageData {
  status: number;
  title: string;
  detail?: string;
}

/** A 4xx for a person in a browser: what went wrong and where to go from here. */
export function errorPage(e: ErrorPageData): Html {
  const body = html`<h1>${e.status === 404 ? 'Not found' : e.title}</h1>
<p class="lede">${e.detail ?? e.title}</p>
<p><a href="/">See every provider, ranked</a>, or look the provider up in <a href="/v1/providers">the list of providers</a> (JSON). Provider ids are lower-case letters, digits and hyphens, such as <code>quietline</code>.</p>
<p class="muted">HTTP ${e.status} ${e.title}</p>`;
  return page({ title: e.status === 404 ? 'Not found' : e.title, body });
}
