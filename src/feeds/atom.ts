/** A minimal Atom 1.0 (RFC 4287) document: what a feed reader needs and nothing more. */
export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  /** The HTML page a reader opens (rel="alternate"). */
  link: string;
  /** The same version as data (rel="related", JSON). */
  data?: string;
  summary: string;
  categories?: string[];
}

export interface AtomFeed {
  id: string;
  title: string;
  self: string;
  /** The HTML page the feed follows. */
  alternate?: string;
  updated: string;
  author: string;
  entries: AtomEntry[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text and attribute values, and drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

function renderEntry(e: AtomEntry): string {
  return [
    '  <entry>',
    `    ${element('id', e.id)}`,
    `    ${element('title', e.title)}`,
    `    ${element('updated', e.updated)}`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
    ...(e.data ? [`    <link rel="related" type="application/json" href="${escapeXml(e.data)}"/>`] : []),
    ...(e.categories ?? []).map((c) => `    <category term="${escapeXml(c)}"/>`),
    `    <summary type="text">${escapeXml(e.summary)}</summary>`,
    '  </entry>',
  ].join('\n');
}

export function renderAtom(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${element('id', feed.id)}`,
    `  ${element('title', feed.title)}`,
    `  ${element('updated', feed.updated)}`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    ...(feed.alternate ? [`  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`] : []),
    `  <author>${element('name', feed.author)}</author>`,
    ...feed.entries.map(renderEntry),
    '</feed>',
    '',
  ].join('\n');
}
