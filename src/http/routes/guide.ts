import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import { policiesDir, projectRoot } from '../../paths.js';
import { docIndexPage, docPage } from '../../report/doc-page.js';
import { notFound } from '../http-error.js';
import { sendHtml } from '../send-html.js';

const docsDir = path.join(projectRoot, 'docs');
const samplesDir = path.join(policiesDir, 'providers');

/** What a document's first line and first paragraph say it is. */
function describe(markdown: string, name: string): { title: string; summary?: string } {
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1].replace(/[`*_]/g, '') ?? name;
  const para = markdown
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p.length > 0 && !p.startsWith('#') && !p.startsWith('|') && !p.startsWith('```') && !p.startsWith('-'));
  const first = para?.replace(/\s+/g, ' ').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '');
  const sentence = first ? /^(.+?[.:])(\s|$)/.exec(first)?.[1] : undefined;
  return { title, ...(sentence && sentence.length <= 200 ? { summary: sentence } : {}) };
}

/**
 * The repository's docs as pages (`/guide/{name}`) and as written (`/guide/{name}.md`), and
 * the sample declarations they point to (`/guide/samples/{id}.json`). Read once at start;
 * links between the docs are rewritten to these addresses, links to schemas to `/v1/schemas/…`.
 */
export function guideRouter(): Router {
  const router = Router();
  const docs = new Map(
    readdirSync(docsDir)
      .filter((f) => /^[a-z0-9-]+\.md$/.test(f))
      .sort()
      .map((f) => [f.slice(0, -3), readFileSync(path.join(docsDir, f), 'utf8')] as const),
  );
  const samples = new Set(readdirSync(samplesDir).filter((f) => /^[a-z0-9-]+\.json$/.test(f)));

  /** A repository-relative link, as the site serves its target; undefined keeps it as written. */
  const linkFor = (href: string): string | undefined => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/')) return undefined;
    const [target, fragment] = href.split('#', 2);
    const hash = fragment !== undefined ? `#${fragment}` : '';
    const file = path.posix.basename(target);
    if (file.endsWith('.md') && docs.has(file.slice(0, -3))) return `/guide/${file.slice(0, -3)}${hash}`;
    const schema = /(?:^|\/)schemas\/([a-z0-9-]+)\.schema\.json$/.exec(target);
    if (schema) return `/v1/schemas/${schema[1]}`;
    if (/(?:^|\/)policies\/providers\/[a-z0-9-]+\.json$/.test(target) && samples.has(file)) return `/guide/samples/${file}`;
    return undefined;
  };
  const pages = new Map([...docs].map(([name, markdown]) => [name, docPage({ name, markdown, linkFor })]));
  const index = docIndexPage([...docs].map(([name, markdown]) => ({ name, ...describe(markdown, name) })));

  router.get('/guide', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600');
    sendHtml(res, index);
  });
  router.get('/guide/samples/:file', (req, res) => {
    const file = String(req.params.file);
    if (!samples.has(file)) throw notFound(`No sample "${file}". Samples: ${[...samples].join(', ')}.`);
    res.type('application/json').set('Cache-Control', 'public, max-age=3600').send(readFileSync(path.join(samplesDir, file), 'utf8'));
  });
  router.get('/guide/:doc', (req, res) => {
    const raw = /^(.+)\.md$/.exec(String(req.params.doc));
    const name = raw ? raw[1] : String(req.params.doc);
    const markdown = docs.get(name);
    if (markdown === undefined) throw notFound(`No guide "${name}". Guides: ${[...docs.keys()].join(', ')}.`);
    res.set('Cache-Control', 'public, max-age=3600');
    if (raw) return void res.type('text/markdown; charset=utf-8').send(markdown);
    sendHtml(res, pages.get(name)!);
  });
  return router;
}
