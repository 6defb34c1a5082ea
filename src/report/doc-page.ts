import { Marked, type Tokens } from 'marked';
import { gfmHeadingId } from 'marked-gfm-heading-id';
import { html, trustedHtml, type Html } from './html.js';
import { page } from './layout.js';

export interface DocPageData {
  /** The document's name (`declaration-guide`): its Markdown is at `/guide/{name}.md`. */
  name: string;
  /** The document as written (one of the repository's own docs, never user input). */
  markdown: string;
  /**
   * Where a link of the document leads on this site (`observations.md#x` → `/guide/observations#x`),
   * or undefined to keep it as written (an outside URL, an anchor of this page).
   */
  linkFor(href: string): string | undefined;
}

/**
 * One of the repository's docs as an HTML page. Markdown is rendered by `marked` (with
 * GitHub-style heading ids, so the docs' `#section` links keep working) rather than by code
 * of our own: CommonMark and GFM tables are more than a few regular expressions can do
 * right. Relative links, written for reading the repository, are turned into this site's
 * addresses by `linkFor`.
 */
export function docPage(d: DocPageData): Html {
  const marked = new Marked({ gfm: true, async: false });
  marked.use(gfmHeadingId());
  marked.use({
    walkTokens(token) {
      if (token.type === 'link' || token.type === 'image') {
        const link = token as Tokens.Link;
        link.href = d.linkFor(link.href) ?? link.href;
      }
    },
  });
  const title = /^#\s+(.+)$/m.exec(d.markdown)?.[1].replace(/[`*_]/g, '') ?? d.name;
  const body = html`<p class="crumbs"><a href="/">All providers</a> › <a href="/guide">Guides</a></p>
<article class="doc">${trustedHtml((marked.parse(d.markdown) as string).replace(/<pre>/g, '<pre tabindex="0">'))}</article>
<p class="muted">This page as Markdown: <a href="/guide/${d.name}.md">${d.name}.md</a></p>`;
  return page({ title, body });
}

/** `/guide`: the documents, each with its title. */
export function docIndexPage(docs: { name: string; title: string; summary?: string }[]): Html {
  const body = html`<p class="crumbs"><a href="/">All providers</a></p>
<h1>Guides</h1>
<ul class="docs">${docs.map((d) => html`<li><a href="/guide/${d.name}">${d.title}</a>${d.summary ? html` <span class="muted">— ${d.summary}</span>` : ''}</li>`)}</ul>`;
  return page({ title: 'Guides', body });
}
