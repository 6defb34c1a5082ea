/**
 * A tiny escaping template: `html\`<p>${name}</p>\`` escapes every interpolated value
 * unless it is already Html (built by this tag). Declarations are untrusted input, so
 * nothing reaches a page as markup except through here; there is no way to mark an
 * arbitrary string as safe short of `trustedHtml`, which only constants should use.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML and XML (SVG) content and double- or single-quoted attribute values.
 * Control characters XML forbids (C0 but tab, line feed and carriage return; U+FFFE, U+FFFF)
 * are dropped: one of them in a provider's name would make a whole SVG unreadable.
 */
export function escapeText(value: string): string {
  return value.replace(/[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => ESCAPES[c] ?? '');
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeText(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Markup written in this code base (never data). */
export const trustedHtml = (text: string) => new Html(text);

/** An href from untrusted data: only http(s) URLs, anything else (javascript:, data:) becomes undefined. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Bidirectional-text controls (embeddings, overrides, isolates) and other invisible format characters. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/**
 * Untrusted text for places where markup cannot isolate it (SVG text, a badge, a page
 * title): without its bidi controls, so a right-to-left override in a provider's name
 * cannot reverse what follows it. HTML body text keeps them and is isolated by `<bdi>`.
 */
export function plainText(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}

/** Shortens to at most `max` characters (code points, never half a surrogate pair), with an ellipsis. */
export function truncate(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join('')}…` : value;
}

/** Untrusted inline text, isolated from the text around it (`<bdi>`: an RTL name or a stray override stays inside). */
export const isolated = (value: string) => html`<bdi>${value}</bdi>`;
