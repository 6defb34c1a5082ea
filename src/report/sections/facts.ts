import { pointer as toPointer } from '../../formats/json-pointer.js';
import { html, isolated, safeUrl, type Html } from '../html.js';
import type { SectionContext } from './context.js';

/** Where the raw value at a pointer is shown: the version's page, narrowed to that value. */
export const valueHref = (ctx: Pick<SectionContext, 'providerId' | 'version' | 'href'>, pointer: string) =>
  ctx.href ? ctx.href(pointer) : `/providers/${encodeURIComponent(ctx.providerId)}/declarations/${ctx.version}?pointer=${encodeURIComponent(pointer)}`;

/** A fact's JSON Pointer, linking to the raw value: the source of every sentence is one click away. */
export function pointerLink(ctx: SectionContext, ...path: (string | number)[]): Html {
  const p = toPointer(...path);
  return html`<a class="ptr" href="${valueHref(ctx, p)}"><code>${p}</code></a>`;
}

/**
 * A fact as a link to its raw value: the words say what it means, the link (titled with
 * the pointer) shows exactly what the provider wrote. Absent values have nothing to link to.
 */
export function fact(ctx: SectionContext, content: Html | string, ...path: (string | number)[]): Html {
  const p = toPointer(...path);
  return html`<a class="fact" href="${valueHref(ctx, p)}" title="${p}">${content}</a>`;
}

/** Silence, shown as silence: never a blank cell. */
export const undisclosed = (what = 'undisclosed') => html`<span class="undisclosed">${what}</span>`;

/** An absent answer (the question was left out): for scoring the same as "undisclosed". */
export const notAnswered = () => undisclosed('not answered');

/** A value that may be the word "undisclosed": the value, or the marker. */
export function answer(value: unknown, words: (v: string) => string = (v) => v): Html | string {
  if (value === undefined || value === null) return notAnswered();
  if (value === 'undisclosed') return undisclosed();
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return words(String(value));
}

/** A list of codes or words, "undisclosed", or an explicit "none" for an empty list. */
export function answerList(value: readonly string[] | string | undefined, label: (v: string) => string = (v) => v, none = 'none'): Html | string {
  if (value === undefined) return notAnswered();
  if (typeof value === 'string') return answer(value);
  if (value.length === 0) return html`<span class="none">${none}</span>`;
  return html`${value.map((v, i) => html`${i ? ', ' : ''}${v === 'undisclosed' ? undisclosed() : isolated(label(v))}`)}`;
}

interface Source {
  url: string;
  title?: string;
}

/** The sources a fact carries, as links (http(s) only). Empty when it carries none. */
export function sourcesOf(sources: readonly Source[] | undefined): Html | string {
  if (!sources || sources.length === 0) return '';
  const links = sources.map((s, i) => {
    const href = safeUrl(s.url);
    const label = s.title ?? s.url;
    return html`${i ? '; ' : ''}${href ? html`<a href="${href}" rel="nofollow noopener">${isolated(label)}</a>` : isolated(label)}`;
  });
  return html`<div class="sources">Sources: ${links}</div>`;
}

/** A jurisdiction code with its name on hover; "001" is the world. */
export function place(ctx: SectionContext, code: string | undefined): Html | string {
  if (code === undefined) return notAnswered();
  if (code === 'undisclosed') return undisclosed();
  if (code === '001') return 'worldwide';
  const name = ctx.jurisdictionName(code);
  return name === code ? code : html`<abbr title="${name}">${code}</abbr>`;
}

/** Legal processes in words, as people write them ("National Security Letter", not `national-security-letter`). */
export const PROCESS_NAMES: Record<string, string> = {
  all: 'all processes',
  'search-warrant': 'Search warrant',
  'court-order': 'Court order',
  subpoena: 'Subpoena',
  'national-security-letter': 'National Security Letter',
  'fisa-order': 'FISA order',
  'wiretap-order': 'Wiretap order',
  'pen-register-order': 'Pen register / trap and trace order',
  'emergency-request': 'Emergency request',
  'preservation-request': 'Preservation request',
  'mlat-request': 'Mutual legal assistance (MLAT) request',
  'administrative-request': 'Administrative request',
  'informal-request': 'Informal request',
  other: 'Other legal process',
};

/** A process id in words, with the id on hover (what the format and the API call it). */
export const processName = (id: string) => (PROCESS_NAMES[id] ? html`<span title="${id}">${PROCESS_NAMES[id]}</span>` : id);
