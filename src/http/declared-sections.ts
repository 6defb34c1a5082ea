import { Html } from '../report/html.js';
import { declarationSections, declaredSectionContext } from '../report/provider-page.js';
import type { CodeNames } from '../report/code-names.js';
import { byteBoundedCache } from '../service/byte-bounded-cache.js';
import type { Atlas } from '../service/atlas.js';
import type { DraftThreads } from './draft-thread/draft-route.js';

/**
 * The provider page's five question-by-question sections of a stored version, rendered once
 * per version and kept (bounded by their size): they depend on nothing else, and for the
 * largest declarations they are most of a page's work. A version whose stored text reaches
 * the draft-thread threshold is rendered on a draft thread (503 busy when the threads are
 * full), a small one here.
 */
export class DeclaredSections {
  private readonly cache = byteBoundedCache<Html>('provider-page-sections', 32 * 1024 * 1024, (h) => h.text.length * 2);
  private readonly rendering = new Map<string, Promise<Html>>();

  constructor(
    private readonly atlas: Atlas<unknown>,
    private readonly names: CodeNames,
    private readonly threads: DraftThreads,
  ) {}

  async of(providerId: string, version: number): Promise<Html> {
    const key = `${providerId}@${version}`;
    const kept = this.cache.get(key);
    if (kept) return kept;
    let pending = this.rendering.get(key);
    if (!pending) {
      pending = this.render(providerId, version)
        .then((text) => {
          const sections = new Html(text);
          this.cache.set(key, sections);
          return sections;
        })
        .finally(() => this.rendering.delete(key));
      this.rendering.set(key, pending);
    }
    return pending;
  }

  private async render(providerId: string, version: number): Promise<string> {
    const record = await this.atlas.record(providerId, version);
    if (!record) throw new Error(`no version ${version} of "${providerId}" to render`);
    if (Buffer.byteLength(record.body, 'utf8') >= this.threads.minBytes) return this.threads.pool.sections({ kind: 'sections', body: record.body, version });
    const declaration = (await this.atlas.declarationAt(providerId, version))!;
    return declarationSections(declaredSectionContext(declaration, version, this.names)).text;
  }
}
