import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import { policiesDir, projectRoot } from '../../paths.js';
import { docIndexPage, docPage } from '../../report/doc-page.js';
import type { Html } from '../../report/html.js';
import { notFound } from '../http-error.js';
import { sendHtml } from '../send-html.js';

const docsDir = path.join(projectRoot, 'docs');
/** The shipped policy files the docs point to: the sample declarations and the model's parameters. */
const POLICY_DIRS = ['providers', 'model'] as const;

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
 * the shipped files they point to (`/guide/policies/providers/{id}.json`, the samples;
 * `/guide/policies/model/parameters.json`). Read once at start and each rendered on its first
 * request, then kept (rendering every doc at start cost every start about 0.7 s of CPU, most of
 * it for pages few readers open); links between the docs are rewritten to these addresses,
 * links to schemas to `/v1/schemas/…`.
 */
export function guideRouter(): Router {
  const router = Router();
  const docs = new Map(
    readdirSync(docsDir)
      .filter((f) => /^[a-z0-9-]+\.md$/.test(f))
      .sort()
      .map((f) => [f.slice(0, -3), readFileSync(path.join(docsDir, f), 'utf8')] as const),
  );
  const shipped = new Map(POLICY_DIRS.map((dir) => [dir as string, new Set(readdirSync(path.join(policiesDir, dir)).filter((f) => /^[a-z0-9-]+\.json$/.test(f)))]));

  /** A repository-relative link, as the site serves its target; undefined keeps it as written. */
  const linkFor = (href: string): string | undefined => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/')) return undefined;
    const [target, fragment] = href.split('#', 2);
    const hash = fragment !== undefined ? `#${fragment}` : '';
    const file = path.posix.basename(target);
    if (file.endsWith('.md') && docs.has(file.slice(0, -3))) return `/guide/${file.slice(0, -3)}${hash}`;
    const schema = /(?:^|\/)schemas\/([a-z0-9-]+)\.schema\.json$/.exec(target);
    if (schema) return `/v1/schemas/${schema[1]}`;
    const policy = /(?:^|\/)policies\/([a-z]+)\/([a-z0-9-]+\.json)$/.exec(target);
    if (policy && shipped.get(policy[1])?.has(policy[2])) return `/guide/policies/${policy[1]}/${policy[2]}`;
    return undefined;
  };
  const pages = new Map<string, Html>();
  const pageOf = (name: string, markdown: string): Html => {
    let page = pages.get(name);
    if (page === undefined) pages.set(name, (page = docPage({ name, markdown, linkFor })));
    return page;
  };
  const index = docIndexPage([...docs].map(([name, markdown]) => ({ name, ...describe(markdown, name) })));

  router.get('/guide', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600');
    sendHtml(res, index);
  });
  router.get('/guide/policies/:dir/:file', (req, res) => {
    const dir = String(req.params.dir);
    const file = String(req.params.file);
    if (!shipped.get(dir)?.has(file)) throw notFound(`No shipped file policies/${dir}/${file}. Shipped: ${[...shipped].flatMap(([d, files]) => [...files].map((f) => `policies/${d}/${f}`)).join(', ')}.`);
    res.type('application/json').set('Cache-Control', 'public, max-age=3600').send(readFileSync(path.join(policiesDir, dir, file), 'utf8'));
  });
  router.get('/guide/:doc', (req, res) => {
    const raw = /^(.+)\.md$/.exec(String(req.params.doc));
    const name = raw ? raw[1] : String(req.params.doc);
    const markdown = docs.get(name);
    if (markdown === undefined) throw notFound(`No guide "${name}". Guides: ${[...docs.keys()].join(', ')}.`);
    res.set('Cache-Control', 'public, max-age=3600');
    if (raw) return void res.type('text/markdown; charset=utf-8').send(markdown);
    sendHtml(res, pageOf(name, markdown));
  });
  return router;
}
