import { html, plainText, type Html } from './html.js';

export interface PageOptions {
  title: string;
  body: Html;
  modelVersion?: string;
  /** The law date the scores apply (YYYY-MM-DD). */
  lawDate?: string;
  /** The basis the scores are on, when the page shows one. */
  basis?: 'declared' | 'observed';
}

/** The page shell: no scripts, styles from one served file, so it works under a strict CSP. */
export function page({ title, body, modelVersion, lawDate, basis }: PageOptions): Html {
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
<header class="site"><a class="brand" href="/">retention-atlas</a><span class="tagline">what services keep about their users, and who can get at it</span><nav aria-label="site"><a href="/">Providers</a><a href="/campaigns">Campaigns</a><a href="/guide/declaration-guide">Writing a declaration</a><a href="/guide">Guides</a><a href="/docs/">API</a></nav></header>
<main id="main">
${body}
</main>
<footer class="site"><p>${modelVersion ? `Scores from exposure model ${modelVersion}${lawDate ? `, law as of ${lawDate}` : ''}${basis === 'observed' ? ', as observed' : ''}. ` : ''}A declaration is a provider's own statement, checked for consistency but not verified. Evidence and assessments are reviewers' work, marked with who recorded them; a provider that has not declared is marked “not declared by the provider”. Data: <a href="/v1/providers">/v1/providers</a> · <a href="/docs/">API documentation</a></p></footer>
</body>
</html>
`;
}

export interface FilterOptions {
  action: string;
  jurisdictions: { code: string; name: string }[];
  categories: { id: string; label: string }[];
  /** What is shown: the jurisdictions (an empty list: all) and categories (empty: all). */
  selected: { jurisdictions: string[]; categories: string[] };
  submit: string;
  /** Values the form carries along unchanged (the providers of a comparison). */
  hidden?: Record<string, string>;
  /** Offer the ranking order (the ranking page only). */
  order?: 'worst-case' | 'established';
  /** The law date applied (the form offers to change it). */
  lawDate?: string;
  /** The basis shown (the form offers both). */
  basis?: 'declared' | 'observed';
  /**
   * For a wide table whose columns are jurisdictions: the page chose its default columns
   * (`default`), or shows what was asked for. Links offer the other choices.
   */
  columns?: { choice: 'default' | 'all' | 'chosen'; defaultHref: string; allHref: string };
  /** A single provider's page: the same page under the law as of its statements. */
  asOf?: { date: string; href: string; what?: string };
  /** Only the law date and basis (a page of one cell has no columns to choose). */
  only?: boolean;
}

const BASIS_WORDS = { declared: 'as declared', observed: 'as observed (evidence in place of claims)' } as const;

/**
 * A GET form (no script) with the API's controls under the API's names: law date, basis,
 * jurisdictions and categories (ticked boxes, sent as repeated values, which the API also
 * takes), the ranking order. An empty field means "not chosen".
 */
export function filterForm(options: FilterOptions): Html {
  const shownJ = options.selected.jurisdictions;
  const allJ = shownJ.length === 0;
  const box = (name: string, value: string, label: string, checked: boolean) => html`<label class="box"><input type="checkbox" name="${name}" value="${value}"${checked ? html` checked` : ''}> ${label}</label>`;
  // The default columns are not ticked: a form sent unchanged (a new law date, say) keeps the default, not a frozen copy of it.
  const cols = options.columns;
  const jSummary = allJ ? `all ${options.jurisdictions.length}` : `${shownJ.length} of ${options.jurisdictions.length}: ${shownJ.join(', ')}`;
  const cSummary = options.selected.categories.length === 0 ? 'all' : `${options.selected.categories.length} of ${options.categories.length}`;
  return html`<form class="filters" method="get" action="${options.action}">${Object.entries(options.hidden ?? {}).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
${options.only ? '' : html`<details class="choice"><summary>Jurisdictions <span class="muted">(${jSummary}${cols?.choice === 'default' ? ', the default selection' : ''})</span></summary>
<fieldset><legend>Jurisdictions to show${cols ? ' as columns' : ''} (none ticked: ${cols ? 'the default selection' : 'all'})</legend><div class="boxes">${options.jurisdictions.map((j) => box('jurisdiction', j.code, `${j.code} ${j.name}`, !allJ && cols?.choice !== 'default' && shownJ.includes(j.code)))}</div></fieldset>
${cols ? html`<p class="muted">${cols.choice !== 'default' ? html`<a href="${cols.defaultHref}">The default selection</a> (where the provider is, stores data or has partners, and the worst cells)` : 'The default selection: where the provider is, stores data or has partners, and the worst cells.'}${cols.choice !== 'all' ? html` · <a href="${cols.allHref}">All ${options.jurisdictions.length} jurisdictions</a>` : ''}</p>` : ''}
</details>
<details class="choice"><summary>Data categories <span class="muted">(${cSummary})</span></summary>
<fieldset><legend>Data categories to show (none ticked: all)</legend><div class="boxes">${options.categories.map((c) => box('category', c.id, c.label, options.selected.categories.includes(c.id)))}</div></fieldset>
</details>`}
${options.lawDate ? html`<label>Law as of <input type="date" name="lawDate" value="${options.lawDate}" min="1990-01-01" max="2100-12-31"></label>` : ''}
${options.basis ? html`<label>Basis <select name="basis">${(['declared', 'observed'] as const).map((b) => html`<option value="${b}"${options.basis === b ? html` selected` : ''}>${BASIS_WORDS[b]}</option>`)}</select></label>` : ''}
${options.order ? html`<label>Rank by <select name="order"><option value="worst-case"${options.order === 'worst-case' ? html` selected` : ''}>worst case</option><option value="established"${options.order === 'established' ? html` selected` : ''}>what is established</option></select></label>` : ''}
<button type="submit">${options.submit}</button>
${options.asOf ? html`<p class="muted as-of">${options.asOf.what ?? 'The statements are'} as of ${options.asOf.date}: <a href="${options.asOf.href}">see this page under the law as of ${options.asOf.date}</a>.</p>` : ''}
</form>`;
}
