import type { DataCategory, Declaration, Retention, ThirdParty } from '../formats/types.generated.js';
import { durationDays } from '../scoring/iso-duration.js';
import { foldName, type ImportTables } from '../transparency/import-tables.js';
import { categoriesIn, type KeywordTable } from './category-keywords.js';
import { repairTtl } from './repair-ttl.js';
import { asList, asText, clip, field, isObject, slugOf, type Json } from './tilt-values.js';

/** Something of the TILT document that did not make it into the draft, and why. */
export interface Unmapped {
  pointer: string;
  reason: string;
  value?: unknown;
}

export interface TiltDraft {
  declaration: Declaration;
  unmapped: Unmapped[];
  repaired: { pointer: string; from: string; to: string }[];
}

export interface TiltOptions {
  keywords: KeywordTable;
  tables: ImportTables;
  /** YYYY-MM-DD, used as asOf when the document carries no date. */
  today: string;
  providerId?: string;
}

const ACCESS_UNDISCLOSED = { inTransit: 'undisclosed', atRest: 'undisclosed' } as const;

/** The schema's limit on third parties (declaration.schema.json). */
const MAX_THIRD_PARTIES = 200;
/** Names of recipients beyond MAX_THIRD_PARTIES listed in the unmapped note. */
const LISTED_BEYOND = 20;
/** The schema's limit on a URI. */
const MAX_URI = 2048;

function codeOrName(text: string, tables: ImportTables): string | undefined {
  const upper = text.trim().toUpperCase();
  if (tables.jurisdictions.has(upper)) return upper;
  return tables.countryNames.get(foldName(text));
}

/**
 * An ISO code, or a country name the transparency table knows; undefined otherwise. Real
 * TILT files often put a whole postal address where the country belongs ("Google LLC,
 * 1600 Amphitheatre Parkway, …, USA"); its lines and comma-separated parts are then tried
 * from the last one up.
 */
function countryCode(text: string | undefined, tables: ImportTables): string | undefined {
  if (!text) return undefined;
  const whole = codeOrName(text, tables);
  if (whole) return whole;
  const parts = text.split(/[\n\r,;]+/).map((p) => p.trim()).filter((p) => p.length > 0 && p.length <= 60);
  if (parts.length < 2) return undefined;
  for (const part of parts.reverse()) {
    // Two letters alone in an address are more often a US state than a country ("CA 94107").
    if (part.length === 2) continue;
    const code = codeOrName(part, tables);
    if (code) return code;
  }
  return undefined;
}

/** A real calendar date YYYY-MM-DD at the start of text, or undefined (Date.parse rolls 2020-02-30 over). */
function dateAtStart(text: string | undefined): string | undefined {
  const day = text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : undefined;
  if (!day || Number.isNaN(Date.parse(day))) return undefined;
  return new Date(day).toISOString().slice(0, 10) === day ? day : undefined;
}

function websiteOf(url: string | undefined): string | undefined {
  if (!url || url.length > MAX_URI || !/^https?:\/\/[^\s]+$/i.test(url)) return undefined;
  try {
    new URL(url);
    return url;
  } catch {
    return undefined;
  }
}

function longest(durations: string[]): Retention {
  if (durations.length === 0) return { kind: 'undisclosed' };
  const sorted = [...durations].sort((a, b) => durationDays(b) - durationDays(a));
  return { kind: 'fixed', duration: sorted[0] };
}

/**
 * Maps a TILT document onto a draft declaration: what TILT can say is carried over,
 * everything it cannot answer becomes "undisclosed", and whatever could not be mapped
 * is listed with a reason. Pure; never throws on malformed input.
 */
export function mapTilt(doc: Json, options: TiltOptions): TiltDraft {
  const { keywords, tables } = options;
  const unmapped: Unmapped[] = [];
  const repaired: TiltDraft['repaired'] = [];
  const meta = field(doc, 'meta');
  const controller = field(doc, 'controller');

  const name = asText(field(controller, 'name')) ?? asText(field(meta, 'name')) ?? 'Unnamed controller';
  const id = options.providerId ?? slugOf(asText(field(meta, 'name'))) ?? slugOf(name) ?? 'tilt-draft';
  const hqText = asText(field(controller, 'country'));
  const hq = countryCode(hqText, tables);
  if (hqText && !hq) unmapped.push({ pointer: '/controller/country', value: hqText, reason: 'not an ISO 3166-1 code or a known country name' });

  const abroad = new Set<string>();
  asList(field(doc, 'thirdCountryTransfers')).forEach((t, i) => {
    const text = asText(field(t, 'country'));
    const code = countryCode(text, tables);
    if (code) abroad.add(code);
    else if (text) unmapped.push({ pointer: `/thirdCountryTransfers/${i}/country`, value: text, reason: 'not an ISO 3166-1 code or a known country name' });
  });
  const places = [...new Set([...(hq ? [hq] : []), ...abroad])];

  const byCategory = new Map<string, { texts: string[]; ttls: string[] }>();
  const parties = new Map<string, ThirdParty>();
  /** Recipients beyond the third parties a draft keeps (and the names listed of them): only counted, never looked up. */
  const beyond = new Set<string>();
  asList(field(doc, 'dataDisclosed')).forEach((entry, i) => {
    const text = asText(field(entry, 'category'));
    const ids = text ? categoriesIn(text, keywords) : [];
    if (!text) unmapped.push({ pointer: `/dataDisclosed/${i}/category`, reason: 'no category text' });
    else if (ids.length === 0) unmapped.push({ pointer: `/dataDisclosed/${i}/category`, value: clip(text, 200), reason: 'matches no keyword of the category table' });

    const ttls: string[] = [];
    asList(field(entry, 'storage')).forEach((storage, s) =>
      // A ttl belongs in `temporal[]`; some documents put it on the storage entry itself.
      [...asList(field(storage, 'temporal')).map((temporal, t) => [temporal, `/dataDisclosed/${i}/storage/${s}/temporal/${t}/ttl`] as const), [storage, `/dataDisclosed/${i}/storage/${s}/ttl`] as const].forEach(([temporal, at]) => {
        const raw = field(temporal, 'ttl');
        const ttl = asText(raw);
        if (!ttl) {
          // Said, but not as text: reported rather than silently lost.
          if (typeof raw === 'number') unmapped.push({ pointer: at, value: raw, reason: 'a number without a unit is not a duration' });
          return;
        }
        const result = repairTtl(ttl);
        if (!result.ok) unmapped.push({ pointer: at, value: ttl, reason: result.reason });
        else {
          if (result.repairedFrom) repaired.push({ pointer: at, from: result.repairedFrom, to: result.duration });
          ttls.push(result.duration);
        }
      }),
    );
    for (const cid of ids) {
      const slot = byCategory.get(cid) ?? { texts: [], ttls: [] };
      slot.texts.push(text!);
      slot.ttls.push(...ttls);
      byCategory.set(cid, slot);
    }

    asList(field(entry, 'recipients')).forEach((r, j) => {
      const rName = asText(field(r, 'name')) ?? asText(field(r, 'category'));
      const rid = slugOf(rName);
      if (!rName || !rid) {
        if (isObject(r) && Object.values(r).some((v) => asText(v))) unmapped.push({ pointer: `/dataDisclosed/${i}/recipients/${j}`, reason: 'recipient has no usable name' });
        return;
      }
      const known = parties.get(rid);
      if (!known && parties.size >= MAX_THIRD_PARTIES + LISTED_BEYOND) {
        beyond.add(rid);
        return;
      }
      const rCountryText = asText(field(r, 'country'));
      const rCountry = known ? undefined : countryCode(rCountryText, tables);
      const party = known ?? {
        id: rid,
        name: clip(rName, 200),
        relationship: /processor|auftragsverarbeit|vendor|dienstleister/i.test(rName) ? 'processor' : 'partner',
        jurisdiction: (rCountry ?? 'undisclosed') as ThirdParty['jurisdiction'],
        categories: [],
        capabilities: 'undisclosed',
      };
      party.categories = [...new Set([...(party.categories ?? []), ...(ids as NonNullable<ThirdParty['categories']>)])];
      parties.set(rid, party);
    });
  });

  const order = keywords.map(([cid]) => cid);
  const dataCategories: DataCategory[] = [...byCategory]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([cid, slot]) => ({
      category: cid as DataCategory['category'],
      collected: 'yes',
      description: clip(`From TILT: ${[...new Set(slot.texts)].join(' | ')}`, 5000),
      retention: longest(slot.ttls),
      storageLocations: (places.length > 0 ? places : 'undisclosed') as DataCategory['storageLocations'],
      protection: { ...ACCESS_UNDISCLOSED },
    }));
  // A third party can only name categories the draft declares.
  const allParties = [...parties.values()].map((p) => ({ ...p, categories: p.categories?.filter((c) => byCategory.has(c)) }));
  const thirdParties = allParties.slice(0, MAX_THIRD_PARTIES);
  const distinctRecipients = allParties.length + beyond.size;
  if (distinctRecipients > MAX_THIRD_PARTIES)
    unmapped.push({
      pointer: '/dataDisclosed',
      value: allParties.slice(MAX_THIRD_PARTIES, MAX_THIRD_PARTIES + LISTED_BEYOND).map((p) => p.name),
      reason: `${distinctRecipients} distinct recipients, more than the ${MAX_THIRD_PARTIES} third parties a declaration holds: the first ${MAX_THIRD_PARTIES} are kept`,
    });

  const asOf = dateAtStart(asText(field(meta, 'modified'))) ?? dateAtStart(asText(field(meta, 'created'))) ?? options.today;
  // A URL longer than a URI may be is refused whole, never cut to a shorter (wrong) one.
  const rawUrl = field(meta, 'url');
  const website = typeof rawUrl === 'string' && rawUrl.length <= MAX_URI ? websiteOf(asText(rawUrl)) : undefined;

  const declaration = {
    format: 'retention-declaration/1',
    provider: {
      id,
      name: clip(name, 200),
      headquarters: hq ?? 'undisclosed',
      establishments: 'undisclosed',
      ...(website ? { website } : {}),
    },
    asOf,
    dataCategories,
    thirdParties,
    legalProcess: { liveInterception: 'undisclosed' },
    ...(website ? { sources: [{ url: website, title: 'TILT document' }] } : {}),
  } as Declaration;
  return { declaration, unmapped, repaired };
}
