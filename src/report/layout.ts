import { html, plainText, type Html } from './html.js';

export interface PageOptions {
  title: string;
  body: Html;
  modelVersion?: string;
  /** The law date the scores apply (YYYY-MM-DD). */
  lawDate?: string;
}

/** The page shell: no scripts, styles from one served file, so it works under a strict CSP. */
export function page({ title, body, modelVersion, lawDate }: PageOptions): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${plainText(title)} — retention-atlas</title>
<link rel="stylesheet" href="/assets/report.css">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><a class="brand" href="/">retention-atlas</a><span class="tagline">what services keep about their users, and who can get at it</span><nav aria-label="site"><a href="/">Providers</a><a href="/campaigns">Campaigns</a><a href="/guide/declaration-guide.md">Writing a declaration</a><a href="/docs/">API</a></nav></header>
<main id="main">
${body}
</main>
<footer class="site"><p>${modelVersion ? `Scores from exposure model ${modelVersion}${lawDate ? `, law as of ${lawDate}` : ''}. ` : ''}Declarations are the providers' own statements, checked for consistency but not verified. Data: <a href="/v1/providers">/v1/providers</a> · <a href="/docs/">API documentation</a></p></footer>
</body>
</html>
`;
}

export interface FilterOptions {
  action: string;
  jurisdictions: { code: string; name: string }[];
  categories: { id: string; label: string }[];
  selected: { jurisdictions: string[]; categories: string[] };
  submit: string;
  /** Values the form carries along unchanged (the providers of a comparison). */
  hidden?: Record<string, string>;
  /** Offer the ranking order (the ranking page only). */
  order?: 'worst-case' | 'established';
}

/** A GET form (no script) choosing one jurisdiction and one category, or all. */
export function filterForm(options: FilterOptions): Html {
  const option = (value: string, label: string, selected: string[]) => html`<option value="${value}"${selected.includes(value) ? html` selected` : ''}>${label}</option>`;
  return html`<form class="filters" method="get" action="${options.action}">${Object.entries(options.hidden ?? {}).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<label>Jurisdiction <select name="jurisdiction"><option value="">all</option>${options.jurisdictions.map((j) => option(j.code, `${j.code} — ${j.name}`, options.selected.jurisdictions))}</select></label>
<label>Data category <select name="category"><option value="">all</option>${options.categories.map((c) => option(c.id, c.label, options.selected.categories))}</select></label>
${options.order ? html`<label>Rank by <select name="order"><option value="worst-case"${options.order === 'worst-case' ? html` selected` : ''}>worst case</option><option value="established"${options.order === 'established' ? html` selected` : ''}>what is established</option></select></label>` : ''}
<button type="submit">${options.submit}</button>
</form>`;
}
