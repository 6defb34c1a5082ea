/**
 * Generates docs/jurisdictions.md from the profiles in policies/jurisdictions/:
 * `npm run docs:jurisdictions` rewrites it; `npm run check:jurisdictions-doc` (`--check`)
 * exits 1 when the committed file is not current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InForce, JurisdictionProfile } from '../src/formats/types.generated.js';
import { projectRoot, schemasDir } from '../src/paths.js';
import { categoriesWords, mandateDurationsWords } from '../src/law/partial-knowledge.js';
import { factsOf, PRIMARY_KINDS } from '../src/policies/jurisdiction-rules.js';
import { loadJurisdictions } from '../src/policies/load-jurisdictions.js';

export const docFile = path.join(projectRoot, 'docs/jurisdictions.md');

/** Every id of the category taxonomy, so a gap naming them all reads "all categories". */
const CATEGORY_COUNT: number = JSON.parse(readFileSync(path.join(schemasDir, 'common.schema.json'), 'utf8')).$defs.categoryId.enum.length;

const INTRO = `# Jurisdiction profiles

Generated from \`policies/jurisdictions/\` by \`npm run docs:jurisdictions\`; CI checks that it is
current (\`npm run check:jurisdictions-doc\`). Do not edit by hand.

## What a profile is

A profile (\`policies/jurisdictions/<CODE>.json\`, format \`schemas/jurisdiction.schema.json\`)
records how one jurisdiction's authorities can reach the data a provider holds:

- **instruments**: the legal processes that obtain stored data or live communications
  (warrants, court orders, subpoenas, administrative requests, bulk powers, direct access), with
  who authorises them (\`authorisation\`: the routes open to the state, from a judge before use
  to no authorisation at all), whether the provider may be gagged and whether they reach
  providers abroad. Two kinds are not access instruments by themselves: \`technical-assistance\`
  compels a capability (for example a technical capability notice) and \`preservation\` orders
  data kept for a period, which stretches a short retention window. An instrument marked as
  an **encryption power** can compel a provider to weaken, remove or bypass its own encryption,
  or to hand over keys or plaintext (\`weakensEncryption\`; "unknown" where the text is ambiguous).
- **retention mandates**: what providers must keep, for how long and whom the duty binds
  (all providers, telecom operators, online services, or infrastructure providers such as
  hosting, cloud, VPN and data centres);
- **localisation** rules and **interception mandates** (duties to build interception capability);
- **agreements**: how the jurisdiction obtains data held by providers in partner states
  (CLOUD Act agreements, production-order frameworks, mutual legal assistance treaties);
- a union (EU) lists its **member states** with the dates of their membership.

Each fact may say what it rests on (\`legalBasis\`: statute, regulation, licence condition, case
law, or **documented practice** — what a state is credibly reported to do without or beyond a
published text, cited to at least two independent reports, court findings or regulator
documents).

## How partial knowledge is recorded

A fact known only in part says how much is known, and the model counts the known part as
established: \`categories: { "atLeast": [...] }\` (reaches at least these, perhaps more),
\`kind: { "atLeast": "<kind>" }\` (at least as exposing as this access kind),
\`inForce.from: { "noLaterThan": "YYYY[-MM[-DD]]" }\` (in force by then at the latest),
\`inForce.until: { "noEarlierThan": "…" }\`, several authorisation routes, and retention
\`durations\` per group of categories where the law sets different periods. \`"unknown"\` is
written only where nothing is known; the last columns of the table count the facts that still
have such a part.

## How facts are dated

Every fact carries \`inForce\`: \`from\` is the first day it was in force (entry into force or
application, not enactment) and \`until\` the first day it no longer was, with the reason
(struck down, held inapplicable, repealed, expired, suspended, superseded). A full date is given
wherever the official text gives one; a year, or "unknown", only where that is all that is known,
and the model then widens its range around that time. The model applies the law in force on a
chosen date, so ended facts stay in the profile. In the table, a fact that had ended by the
profile's review date is shown with its end date.

## How coverage gaps and citations are read

Each profile lists what it does **not** cover, per data category and kind of power
(stored access, live interception, encryption, retention, localisation, cross-border). The model
scores a gap as an unknown legal fact for exactly those categories and powers: it widens the
worst case there and nowhere else. A gap is never evidence that data is safe.

Every fact cites the official text (legislation or gazette portal, the court's own judgment)
with act and section; an unofficial copy stands in only where no official text is published,
and commentary is only ever cited beside a primary text. A fact of **documented practice** cites
instead at least two independent reports, court findings or regulator documents. A citation is
**verified** only when the text of the law itself (or an official translation, or a faithful
copy) was actually read at a deep link to the act or article, never a site's home page and never
commentary; it then records when, whether the live site or a stored copy was read, and (\`readAt\`)
which copy, such as a public mirror of the national portal. An unverified citation names where
the text is published but has not been checked against it, so read the fact as the authors'
understanding of that text. The loader rejects a profile with a fact that cites no primary text
(or, for documented practice, fewer than two independent sources), and a verified citation of a
home page or of commentary.

## Profiles

| Code | Name | Instruments (encryption powers) | Retention mandates | Agreements | Coverage gaps | Reviewed | Facts with primary source | Facts with a verified primary text | Facts resting on documented practice | Facts with a part still unknown | Citations verified |
|---|---|---|---|---|---|---|---|---|---|---|---|
`;

/** The markdown document for these profiles (pure; sorted as given). */
export function renderJurisdictionsDoc(profiles: JurisdictionProfile[]): string {
  return INTRO + profiles.map((p) => row(p, p.reviewed)).join('\n') + '\n';
}

function row(p: JurisdictionProfile, asOf: string): string {
  const encryption = p.instruments.filter((i) => i.weakensEncryption !== undefined && i.weakensEncryption !== false);
  const instruments = `${p.instruments.length}` + (encryption.length ? `; encryption: ${encryption.map((i) => i.id + (i.weakensEncryption === 'unknown' ? ' (unknown)' : '')).join(', ')}` : '');
  const retention = p.retentionMandates.map((m) => `${m.id}: ${mandateDurationsWords(m)}, ${m.scope}${status(m.inForce, asOf)}`);
  const agreements = (p.agreements ?? []).map((a) => `${a.id} (${a.kind}, with ${a.partners.join(', ')})${status(a.inForce, asOf)}`);
  const gaps = p.coverage.gaps.map((g) => `${g.categories === 'unknown' || categoriesWords(g.categories, CATEGORY_COUNT) === 'all' ? 'all categories' : categoriesWords(g.categories, CATEGORY_COUNT)} × ${g.powers.join(', ')}`);
  const facts = factsOf(p);
  const primary = facts.filter(({ fact }) => fact.sources.some((s) => PRIMARY_KINDS.has(s.kind))).length;
  const onlyCopy = facts.filter(({ fact }) => fact.legalBasis !== 'documented-practice' && !fact.sources.some((s) => s.kind === 'official')).length;
  const verifiedPrimary = facts.filter(({ fact }) => fact.sources.some((s) => PRIMARY_KINDS.has(s.kind) && s.verified)).length;
  const practice = facts.filter(({ fact }) => fact.legalBasis === 'documented-practice').length;
  const open = facts.filter(({ fact }) => hasUnknownPart(fact)).length;
  const citations = [...facts.flatMap(({ fact }) => fact.sources), ...(p.sources ?? []), ...(p.memberStates?.sources ?? [])];
  const verified = citations.filter((s) => s.verified).length;
  return (
    '| ' +
    [
      p.code,
      p.name,
      instruments,
      cell(retention),
      cell(agreements),
      cell(gaps),
      p.reviewed,
      `${percent(primary, facts.length)} of ${facts.length}` + (onlyCopy ? ` (${onlyCopy} from an unofficial copy only)` : ''),
      `${verifiedPrimary}`,
      `${practice}`,
      `${open}`,
      `${percent(verified, citations.length)} (${verified} of ${citations.length})`,
    ]
      .map(escape)
      .join(' | ') +
    ' |'
  );
}

/** A fact with a field that says "unknown" (nothing known of it): its kind, categories, dates, authorisation, period or reach. */
function hasUnknownPart(fact: object): boolean {
  const f = fact as Record<string, unknown> & { inForce: InForce };
  const fields = [f.kind, f.categories, f.duration, f.scope, f.appliesTo, f.requirement, f.gagOrder, f.extraterritorial, f.weakensEncryption, f.preserves, f.inForce.from, f.inForce.until];
  return fields.includes('unknown') || (Array.isArray(f.authorisation) && f.authorisation.includes('unknown')) || (Array.isArray(f.durations) && f.durations.some((g: { duration: string }) => g.duration === 'unknown'));
}

function status(inForce: InForce, asOf: string): string {
  const { from, until, ended } = inForce;
  if (typeof until === 'object') return ` — in force at least until ${until.noEarlierThan}`;
  if (until !== undefined && until !== 'unknown' && String(until) <= asOf) return ` — ended ${until}${ended ? ` (${ended})` : ''}`;
  if (until === 'unknown') return ` — end unknown${ended ? ` (${ended})` : ''}`;
  if (typeof from === 'object') return ` — in force no later than ${from.noLaterThan}`;
  if (from !== 'unknown' && String(from) > asOf) return ` — from ${from}`;
  return '';
}

function cell(items: string[]): string {
  return items.length ? items.join('<br>') : '—';
}

function percent(n: number, of: number): string {
  return of === 0 ? '—' : `${Math.round((100 * n) / of)} %`;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const out = renderJurisdictionsDoc(loadJurisdictions());
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(docFile, 'utf8');
    } catch {
      /* missing: not current */
    }
    if (current !== out) {
      console.error('docs/jurisdictions.md is not current: run `npm run docs:jurisdictions`');
      process.exit(1);
    }
  } else {
    writeFileSync(docFile, out);
  }
}
