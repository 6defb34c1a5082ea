/* Generated from schemas/ by `npm run gen:types`. Do not edit by hand. */
export type Slug = string;
/**
 * An ISO 3166-1 alpha-2 country code, or EU for the European Union.
 */
export type Jurisdiction =
  | 'AD'
  | 'AE'
  | 'AF'
  | 'AG'
  | 'AI'
  | 'AL'
  | 'AM'
  | 'AO'
  | 'AQ'
  | 'AR'
  | 'AS'
  | 'AT'
  | 'AU'
  | 'AW'
  | 'AX'
  | 'AZ'
  | 'BA'
  | 'BB'
  | 'BD'
  | 'BE'
  | 'BF'
  | 'BG'
  | 'BH'
  | 'BI'
  | 'BJ'
  | 'BL'
  | 'BM'
  | 'BN'
  | 'BO'
  | 'BQ'
  | 'BR'
  | 'BS'
  | 'BT'
  | 'BV'
  | 'BW'
  | 'BY'
  | 'BZ'
  | 'CA'
  | 'CC'
  | 'CD'
  | 'CF'
  | 'CG'
  | 'CH'
  | 'CI'
  | 'CK'
  | 'CL'
  | 'CM'
  | 'CN'
  | 'CO'
  | 'CR'
  | 'CU'
  | 'CV'
  | 'CW'
  | 'CX'
  | 'CY'
  | 'CZ'
  | 'DE'
  | 'DJ'
  | 'DK'
  | 'DM'
  | 'DO'
  | 'DZ'
  | 'EC'
  | 'EE'
  | 'EG'
  | 'EH'
  | 'ER'
  | 'ES'
  | 'ET'
  | 'FI'
  | 'FJ'
  | 'FK'
  | 'FM'
  | 'FO'
  | 'FR'
  | 'GA'
  | 'GB'
  | 'GD'
  | 'GE'
  | 'GF'
  | 'GG'
  | 'GH'
  | 'GI'
  | 'GL'
  | 'GM'
  | 'GN'
  | 'GP'
  | 'GQ'
  | 'GR'
  | 'GS'
  | 'GT'
  | 'GU'
  | 'GW'
  | 'GY'
  | 'HK'
  | 'HM'
  | 'HN'
  | 'HR'
  | 'HT'
  | 'HU'
  | 'ID'
  | 'IE'
  | 'IL'
  | 'IM'
  | 'IN'
  | 'IO'
  | 'IQ'
  | 'IR'
  | 'IS'
  | 'IT'
  | 'JE'
  | 'JM'
  | 'JO'
  | 'JP'
  | 'KE'
  | 'KG'
  | 'KH'
  | 'KI'
  | 'KM'
  | 'KN'
  | 'KP'
  | 'KR'
  | 'KW'
  | 'KY'
  | 'KZ'
  | 'LA'
  | 'LB'
  | 'LC'
  | 'LI'
  | 'LK'
  | 'LR'
  | 'LS'
  | 'LT'
  | 'LU'
  | 'LV'
  | 'LY'
  | 'MA'
  | 'MC'
  | 'MD'
  | 'ME'
  | 'MF'
  | 'MG'
  | 'MH'
  | 'MK'
  | 'ML'
  | 'MM'
  | 'MN'
  | 'MO'
  | 'MP'
  | 'MQ'
  | 'MR'
  | 'MS'
  | 'MT'
  | 'MU'
  | 'MV'
  | 'MW'
  | 'MX'
  | 'MY'
  | 'MZ'
  | 'NA'
  | 'NC'
  | 'NE'
  | 'NF'
  | 'NG'
  | 'NI'
  | 'NL'
  | 'NO'
  | 'NP'
  | 'NR'
  | 'NU'
  | 'NZ'
  | 'OM'
  | 'PA'
  | 'PE'
  | 'PF'
  | 'PG'
  | 'PH'
  | 'PK'
  | 'PL'
  | 'PM'
  | 'PN'
  | 'PR'
  | 'PS'
  | 'PT'
  | 'PW'
  | 'PY'
  | 'QA'
  | 'RE'
  | 'RO'
  | 'RS'
  | 'RU'
  | 'RW'
  | 'SA'
  | 'SB'
  | 'SC'
  | 'SD'
  | 'SE'
  | 'SG'
  | 'SH'
  | 'SI'
  | 'SJ'
  | 'SK'
  | 'SL'
  | 'SM'
  | 'SN'
  | 'SO'
  | 'SR'
  | 'SS'
  | 'ST'
  | 'SV'
  | 'SX'
  | 'SY'
  | 'SZ'
  | 'TC'
  | 'TD'
  | 'TF'
  | 'TG'
  | 'TH'
  | 'TJ'
  | 'TK'
  | 'TL'
  | 'TM'
  | 'TN'
  | 'TO'
  | 'TR'
  | 'TT'
  | 'TV'
  | 'TW'
  | 'TZ'
  | 'UA'
  | 'UG'
  | 'UM'
  | 'US'
  | 'UY'
  | 'UZ'
  | 'VA'
  | 'VC'
  | 'VE'
  | 'VG'
  | 'VI'
  | 'VN'
  | 'VU'
  | 'WF'
  | 'WS'
  | 'YE'
  | 'YT'
  | 'ZA'
  | 'ZM'
  | 'ZW'
  | 'EU';
/**
 * A calendar date, YYYY-MM-DD.
 */
export type IsoDate = string;
/**
 * @maxItems 50
 */
export type Sources = Source[];
/**
 * An id of the data-category taxonomy (GET /v1/categories).
 */
export type CategoryId =
  | 'subscriber-info'
  | 'payment-data'
  | 'connection-logs'
  | 'call-metadata'
  | 'message-metadata'
  | 'location'
  | 'device-identifiers'
  | 'contact-list'
  | 'usage-analytics'
  | 'profile-content'
  | 'message-content'
  | 'call-content'
  | 'stored-files';
/**
 * How long the category is kept. Undisclosed retention is scored as indefinite.
 */
export type Retention = {
  kind: 'none' | 'fixed' | 'until-event' | 'indefinite' | 'undisclosed';
} & Retention1;
export type Retention1 =
  RetentionNone | RetentionFixed | RetentionUntilEvent | RetentionIndefinite | RetentionUndisclosed;
/**
 * An ISO 8601 duration such as P30D, P18M, P2Y, PT72H or P2W. Designators are upper case; hours, minutes and seconds follow T.
 */
export type IsoDuration = string;
export type ProcessId =
  | 'search-warrant'
  | 'court-order'
  | 'subpoena'
  | 'national-security-letter'
  | 'fisa-order'
  | 'wiretap-order'
  | 'pen-register-order'
  | 'emergency-request'
  | 'preservation-request'
  | 'mlat-request'
  | 'administrative-request'
  | 'informal-request'
  | 'other';
/**
 * A non-negative integer, or a band {min, max} where the law only allows ranges.
 */
export type Count =
  | number
  | {
      min: number;
      max: number;
    };
/**
 * A non-negative integer, or a band {min, max} where the law only allows ranges.
 */
export type Count1 =
  | number
  | {
      min: number;
      max: number;
    };
/**
 * A provider's answer to the five questions: government requests, data collected and kept, interception by third parties, licensed operators, and legal process. Format retention-declaration/1.
 */
export interface Declaration {
  format: 'retention-declaration/1';
  provider: Provider;
  asOf: IsoDate;
  /**
   * @minItems 1
   * @maxItems 13
   */
  dataCategories: [DataCategory, ...DataCategory[]];
  /**
   * @maxItems 200
   */
  thirdParties?: ThirdParty[];
  legalProcess?: LegalProcess;
  /**
   * @maxItems 20000
   */
  governmentRequests?: GovernmentRequest[];
  sources?: Sources;
}
export interface Provider {
  id: Slug;
  name: string;
  /**
   * Jurisdiction of the provider's head office.
   */
  headquarters?: Jurisdiction | 'undisclosed';
  establishments?: Jurisdiction[] | 'undisclosed';
  /**
   * @maxItems 50
   */
  services?: string[];
  /**
   * Format 1.2: the jurisdictions where the service has users, ["001"] for worldwide, or "undisclosed". Interception in transit by a jurisdiction's networks counts in its cells only where the service has users there; left out or "undisclosed", that is not known.
   */
  markets?: (Jurisdiction | '001')[] | 'undisclosed';
  /**
   * An absolute http or https URL (other schemes, such as javascript: or data:, are refused so that no client renders an active link from a declaration).
   */
  website?: string;
  sources?: Sources;
}
export interface Source {
  /**
   * An absolute http or https URL (other schemes, such as javascript: or data:, are refused so that no client renders an active link from a declaration).
   */
  url: string;
  title?: string;
  accessed?: IsoDate;
}
export interface DataCategory {
  category: CategoryId;
  collected: 'yes' | 'no' | 'undisclosed';
  description?: string;
  /**
   * @maxItems 50
   */
  purposes?: string[];
  retention?: Retention;
  storageLocations?: Jurisdiction[] | 'undisclosed';
  protection?: Protection;
  /**
   * @maxItems 20
   */
  interception?: Interception[];
  sources?: Sources;
}
/**
 * Not stored beyond the session.
 */
export interface RetentionNone {
  kind: 'none';
}
/**
 * Kept for a fixed duration.
 */
export interface RetentionFixed {
  kind: 'fixed';
  duration: IsoDuration;
}
/**
 * Kept until an event, optionally plus a duration after it.
 */
export interface RetentionUntilEvent {
  kind: 'until-event';
  event: 'account-deletion' | 'purpose-fulfilled' | 'legal-hold-ends';
  after?: IsoDuration;
}
/**
 * Kept with no end.
 */
export interface RetentionIndefinite {
  kind: 'indefinite';
}
/**
 * The provider does not say; scored as indefinite.
 */
export interface RetentionUndisclosed {
  kind: 'undisclosed';
}
export interface Protection {
  inTransit?: 'end-to-end' | 'transport' | 'none' | 'undisclosed';
  atRest?: 'end-to-end' | 'provider-managed' | 'none' | 'undisclosed';
}
export interface Interception {
  party: 'network-operator' | 'provider' | 'third-party' | 'attacker';
  capability: 'observe' | 'retain' | 'none' | 'undisclosed';
  note?: string;
}
export interface ThirdParty {
  id: Slug;
  name: string;
  relationship: 'licensee' | 'processor' | 'partner' | 'affiliate';
  jurisdiction?: Jurisdiction | 'undisclosed';
  /**
   * @maxItems 13
   */
  categories?: CategoryId[];
  /**
   * Known surveillance or censorship capabilities of the third party. "undisclosed" (alone, or as an item) means the provider does not say.
   */
  capabilities?:
    | ('keyword-filtering' | 'content-retention' | 'live-interception' | 'censorship' | 'bulk-access' | 'undisclosed')[]
    | 'undisclosed';
  /**
   * Format 1.1: true when this party builds or distributes the client app users run (a licensee shipping its own client, as TOM-Skype did), so end-to-end protection does not hold against it. "undisclosed" or absent: not said (widens the range).
   */
  distributesClient?: boolean | 'undisclosed';
  description?: string;
  sources?: Sources;
}
export interface LegalProcess {
  /**
   * An absolute http or https URL (other schemes, such as javascript: or data:, are refused so that no client renders an active link from a declaration).
   */
  guidelinesUrl?: string;
  liveInterception?: 'supported' | 'not-supported' | 'undisclosed';
  /**
   * Format 1.1: what the provider does when a government orders it to weaken or bypass its encryption: refuse (and withdraw from the market if it must), or comply. Absent: not said (widens the range).
   */
  encryptionDemands?: 'refuse-or-withdraw' | 'comply' | 'undisclosed';
  /**
   * @maxItems 100
   */
  interceptionStatutes?: InterceptionStatute[];
  /**
   * @maxItems 500
   */
  policies?: Policy[];
  sources?: Sources;
}
export interface InterceptionStatute {
  statute: string;
  jurisdiction: Jurisdiction;
  position: 'subject' | 'not-subject' | 'undisclosed';
  explanation?: string;
}
export interface Policy {
  process: ProcessId;
  jurisdiction: Jurisdiction;
  /**
   * @maxItems 13
   */
  categories: CategoryId[];
  userNotification: 'always' | 'unless-prohibited' | 'never' | 'undisclosed';
  requiresJudicialReview?: boolean;
}
export interface GovernmentRequest {
  period: {
    start: IsoDate;
    end: IsoDate;
  };
  /**
   * The requesting jurisdiction, or "001" for worldwide totals.
   */
  country: Jurisdiction | '001';
  process: ProcessId | 'all';
  requests: Count;
  accounts?: Count1;
  outcomes?: {
    contentDisclosed?: Count;
    nonContentOnly?: Count;
    noDataFound?: Count;
    rejected?: Count;
  };
  percentDisclosed?: number;
  /**
   * @maxItems 50
   */
  rejectionBases?: {
    basis: string;
    count: Count;
  }[];
  /**
   * @maxItems 13
   */
  categoriesRequested?: CategoryId[];
  sources?: Sources;
}
/**
 * A date (YYYY-MM-DD), a year where only the year is known, or "unknown".
 */
export type DateOrYear = IsoDate1 | number | Unknown;
/**
 * A calendar date, YYYY-MM-DD.
 */
export type IsoDate1 = string;
/**
 * Nothing is known of this fact. The model treats it as an unknown legal fact: the least exposing honest value for `established`, the most exposing for `worstCase`. Where a fact is known in part, say so (`atLeast`, `noLaterThan`, `noEarlierThan`, a list of authorisation routes) instead: the known part then counts toward `established`.
 */
export type Unknown = 'unknown';
/**
 * @minItems 1
 * @maxItems 20
 */
export type FactSources = [FactSource, ...FactSource[]];
/**
 * A calendar date, YYYY-MM-DD.
 */
export type IsoDate2 = string;
/**
 * A calendar date, YYYY-MM-DD.
 */
export type IsoDate3 = string;
/**
 * Taxonomy ids of the data categories the rule reaches: a list; "all"; `{ "atLeast": [...] }` when it reaches at least these (perhaps more); "unknown" only when nothing is known (reaches no category for `established`, every category for `worstCase`).
 */
export type Categories =
  | CategoryList
  | 'all'
  | {
      atLeast: CategoryList;
    }
  | Unknown;
/**
 * @minItems 1
 * @maxItems 13
 */
export type CategoryList = [CategoryId, ...CategoryId[]];
/**
 * true when the instrument can compel a provider to weaken, remove or bypass its own encryption, or to hand over keys or plaintext (technical capability notices, key-disclosure orders, traceability rules). Absent: false.
 */
export type WeakensEncryption = boolean | Unknown;
/**
 * What the fact rests on: a statute, a regulation, a licence condition, case law, or `documented-practice` — what the state is credibly reported to do without (or beyond) a published text. A documented-practice fact cites at least two independent sources (different sites) of the kinds `report`, `court-finding` or `regulator`, needs no official text, and counts toward `established` like any other fact. Absent: not recorded.
 */
export type LegalBasis = 'statute' | 'regulation' | 'licence-condition' | 'case-law' | 'documented-practice';
/**
 * A year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD.
 */
export type PartialDate = string;
/**
 * A rule that obliges providers to keep data: one `duration`, or `durations` per group of categories (exactly one of the two).
 */
export type RetentionMandate = {
  id: Slug;
  name: string;
  categories: Categories;
  /**
   * How long the data must be kept (the longest period where the rule gives a range); unknown is scored between the shortest period and indefinite. Give `durations` instead where the law sets different periods for different categories.
   */
  duration?: IsoDuration | Unknown;
  /**
   * Where the law sets different periods for different categories (IR art. 668: six months for user information, fifteen days for content): one entry per group. Every category the rule lists is in exactly one group; a category the rule reaches but no group names (with `all`, `atLeast` or `unknown` categories) has a period that is not known.
   *
   * @minItems 2
   * @maxItems 13
   */
  durations?: [
    {
      categories: CategoryList;
      duration: IsoDuration | Unknown;
    },
    {
      categories: CategoryList;
      duration: IsoDuration | Unknown;
    },
    ...{
      categories: CategoryList;
      duration: IsoDuration | Unknown;
    }[]
  ];
  /**
   * Whom it binds: every communications or online service provider; operators of public telecommunications networks and services; online communication services that are not telecom operators (RU: organisers of information dissemination); or hosting, cloud, VPN and data-centre providers (IN CERT-In).
   */
  scope: 'all-providers' | 'telecom-operators' | 'online-services' | 'infrastructure-providers' | 'unknown';
  legalBasis?: LegalBasis;
  inForce: InForce;
  note?: string;
  sources: FactSources;
} & RetentionMandate1;
export type RetentionMandate1 =
  | {
      duration: unknown;
    }
  | {
      durations: unknown;
    };
/**
 * Sources for the profile as a whole (overviews); each fact cites its own.
 *
 * @minItems 1
 * @maxItems 20
 */
export type FactSources1 = [FactSource, ...FactSource[]];
/**
 * The legal access regime of one jurisdiction: how its authorities obtain stored data and live communications from providers, what it makes providers retain, where it makes them store data, what interception capability it mandates, which powers can compel a provider to weaken its encryption, and which agreements let it obtain data held in other states. Every fact is dated (when it was in force) and cites the official text (or, for documented practice, at least two independent reports, court findings or regulator documents), and says how much of it is known (profile schema 3: `atLeast`, `noLaterThan`, `noEarlierThan`, authorisation routes); what the profile does not cover is listed in `coverage` and scored as unknown, never as safe.
 */
export interface JurisdictionProfile {
  code: Jurisdiction;
  name: string;
  reviewed: IsoDate;
  summary?: string;
  memberStates?: MemberStates;
  /**
   * Legal instruments by which authorities obtain stored data or live communications from a provider.
   *
   * @maxItems 100
   */
  instruments: Instrument[];
  /**
   * Rules that oblige providers to keep data, in force or not.
   *
   * @maxItems 50
   */
  retentionMandates: RetentionMandate[];
  /**
   * Data-localisation rules: data that must be stored in, or may not leave, the jurisdiction.
   *
   * @maxItems 50
   */
  localisation: LocalisationRule[];
  /**
   * Mandates to build or provide lawful-interception capability (CALEA and its peers).
   *
   * @maxItems 50
   */
  interceptionMandates: InterceptionMandate[];
  /**
   * Agreements through which this jurisdiction obtains data held by providers in another state (CLOUD Act executive agreements, production-order treaties, mutual legal assistance treaties). An agreement in force extends this jurisdiction's reach to providers present in a partner state.
   *
   * @maxItems 50
   */
  agreements?: Agreement[];
  coverage: Coverage;
  sources?: FactSources1;
}
/**
 * Only for a union (EU): the member states with the dates of their membership. A provider present in a member state on the law date is present in the union; a provider that names the union as a location may be in any member state.
 */
export interface MemberStates {
  /**
   * @minItems 1
   * @maxItems 60
   */
  members: [Membership, ...Membership[]];
  sources: FactSources;
}
export interface Membership {
  code: Jurisdiction;
  from: DateOrYear;
  /**
   * A date (YYYY-MM-DD), a year where only the year is known, or "unknown".
   */
  until?: IsoDate1 | number | Unknown;
  note?: string;
}
/**
 * A citation. `kind: official` is the legislation or gazette site or the court's own judgment; `unofficial-copy` is the best available copy where no official text is published online (say so in the fact's note); `secondary` is commentary and never stands alone where an official text exists. For documented practice (`legalBasis: documented-practice`): `report` is an NGO, UN or academic technical report, `court-finding` a judgment that finds facts about a state's practice, `regulator` a regulator's own document. `verified: true` means the text of the law itself (or an official translation, or a faithful copy) was actually read, at a deep link to the act or article: never a site's home page, never commentary (`secondary`); the loader refuses both. `accessed` is given only for a text actually read; `readFrom` says whether it was read on the live site or in a stored copy, and `readAt` names the copy read when it was not the official site (a mirror of the national portal in a public Git repository, say).
 */
export interface FactSource {
  /**
   * An absolute http or https URL (other schemes, such as javascript: or data:, are refused so that no client renders an active link from a declaration).
   */
  url: string;
  title: string;
  kind: 'official' | 'unofficial-copy' | 'secondary' | 'report' | 'court-finding' | 'regulator';
  /**
   * Article, section or paragraph cited ("s. 253(8)", "art. 64").
   */
  section?: string;
  published?: IsoDate2;
  /**
   * true only when the cited text was actually read by the profile's authors.
   */
  verified: boolean;
  accessed?: IsoDate3;
  /**
   * Where it was read: the live site, or a stored copy of it.
   */
  readFrom?: 'live' | 'stored-copy';
  /**
   * The copy actually read when it was not the official site (a public mirror of the national portal, with the file or version read); only with `verified: true`.
   */
  readAt?: string;
}
export interface Instrument {
  id: Slug;
  name: string;
  /**
   * The kind of legal process, from the strongest safeguard (a judicial warrant) to the weakest (direct access). `technical-assistance` compels a capability (a technical capability notice) and `preservation` compels keeping data: neither is by itself an access instrument. `unknown` (nothing known, not even that it is an access power) is scored between no access power and the weakest safeguard; `{ "atLeast": kind }` between that kind and the weakest safeguard.
   */
  kind:
    | (
        | 'warrant'
        | 'court-order'
        | 'subpoena'
        | 'administrative-request'
        | 'national-security-letter'
        | 'programmatic-bulk'
        | 'preservation'
        | 'key-disclosure'
        | 'technical-assistance'
        | 'direct-access'
        | 'unknown'
      )
    | {
        atLeast:
          | 'warrant'
          | 'court-order'
          | 'subpoena'
          | 'administrative-request'
          | 'national-security-letter'
          | 'programmatic-bulk'
          | 'direct-access';
      };
  /**
   * Whether it obtains data already stored, communications in real time, or both.
   */
  reaches: 'stored' | 'live' | 'both';
  /**
   * Who authorises its use, as the list of routes open to the state, in rising order of exposure: `court-before` (a judge or judicial commissioner before use) < `court-after` (a judge confirms after use) < `commission` (an independent non-judicial body: G10 commission, CNCTR) < `prosecutor` < `executive` (a minister or the agency itself) < `none` (no authorisation per use). `not-court`: known not to need a court, route not read (scored as `commission` for `established`, `none` for `worstCase`); `unknown`: not known (widens `worstCase` up to `none`). Every listed route is open to the state, so the most exposing known route drives both bounds.
   *
   * @minItems 1
   * @maxItems 7
   */
  authorisation: [
    'court-before' | 'court-after' | 'commission' | 'prosecutor' | 'executive' | 'none' | 'not-court' | 'unknown',
    ...('court-before' | 'court-after' | 'commission' | 'prosecutor' | 'executive' | 'none' | 'not-court' | 'unknown')[]
  ];
  /**
   * true when the provider is, or is routinely, forbidden to tell the user.
   */
  gagOrder: boolean | Unknown;
  categories: Categories;
  /**
   * true when the law claims to reach providers with no headquarters, establishment or storage in the jurisdiction, or their data held abroad.
   */
  extraterritorial: boolean | Unknown;
  weakensEncryption?: WeakensEncryption;
  /**
   * For a preservation power: how long it can make a provider keep data it already holds (including renewals), which stretches a short retention window.
   */
  preserves?: IsoDuration | Unknown;
  legalBasis?: LegalBasis;
  inForce: InForce;
  note?: string;
  sources: FactSources;
}
/**
 * When the fact was law. In force on date D when `from` ≤ D and D < `until`. A year means some day of that year (a date inside it is an unknown legal fact); `{ "noLaterThan": X }` in `from` means in force by the end of X at the latest (a long-standing power whose first date was not read: settled from the end of X on); `{ "noEarlierThan": X }` in `until` means still in force at least until the start of X; "unknown" is unknown. No `until`: still in force when the profile was reviewed.
 */
export interface InForce {
  /**
   * First day in force (entry into force or application, not enactment).
   */
  from:
    | DateOrYear
    | {
        noLaterThan: PartialDate;
      };
  /**
   * First day no longer in force.
   */
  until?:
    | DateOrYear
    | {
        noEarlierThan: PartialDate;
      };
  /**
   * Why it stopped: with `until`.
   */
  ended?: 'struck-down' | 'held-inapplicable' | 'repealed' | 'expired' | 'suspended' | 'superseded' | 'unknown';
  note?: string;
}
export interface LocalisationRule {
  id: Slug;
  name: string;
  categories: Categories;
  /**
   * local-copy: a copy must be kept in the jurisdiction; local-only: the data may not leave it; transfer-restriction: transfers abroad need a legal basis or approval.
   */
  requirement: 'local-copy' | 'local-only' | 'transfer-restriction' | 'unknown';
  legalBasis?: LegalBasis;
  inForce: InForce;
  note?: string;
  sources: FactSources;
}
export interface InterceptionMandate {
  id: Slug;
  name: string;
  /**
   * capability: operators must build interception capability and execute orders; technical-assistance: authorities may order a provider to build or give help case by case; direct-access: authorities hold equipment or access that lets them intercept without asking the operator each time. unknown is scored between the weakest and the strongest kind; `{ "atLeast": kind }` between that kind and the strongest.
   */
  kind:
    | ('capability' | 'technical-assistance' | 'direct-access' | 'unknown')
    | {
        atLeast: 'technical-assistance' | 'capability' | 'direct-access';
      };
  appliesTo: 'telecom-operators' | 'all-providers' | 'unknown';
  categories: Categories;
  legalBasis?: LegalBasis;
  inForce: InForce;
  note?: string;
  sources: FactSources;
}
export interface Agreement {
  id: Slug;
  name: string;
  /**
   * cloud-act-agreement and production-order-framework: orders go directly to providers in the partner state; mlat: requests go through the partner's authorities.
   */
  kind: 'cloud-act-agreement' | 'production-order-framework' | 'mlat';
  /**
   * @minItems 1
   * @maxItems 60
   */
  partners: [Jurisdiction, ...Jurisdiction[]];
  reaches: 'stored' | 'live' | 'both';
  categories: Categories;
  inForce: InForce;
  note?: string;
  sources: FactSources;
}
/**
 * What the profile does not cover. Each gap is scored as an unknown legal fact for the categories and kinds of power it names (it widens worstCase there and nowhere else).
 */
export interface Coverage {
  /**
   * @maxItems 50
   */
  gaps: {
    categories: Categories;
    /**
     * @minItems 1
     */
    powers: [
      'stored-access' | 'live-interception' | 'encryption' | 'retention' | 'localisation' | 'cross-border',
      ...('stored-access' | 'live-interception' | 'encryption' | 'retention' | 'localisation' | 'cross-border')[]
    ];
    note: string;
  }[];
  note?: string;
}
export type Fraction = number;
export type Rationale = string;
/**
 * @maxItems 9
 */
export type KindList = (
  | 'warrant'
  | 'court-order'
  | 'subpoena'
  | 'administrative-request'
  | 'national-security-letter'
  | 'programmatic-bulk'
  | 'key-disclosure'
  | 'technical-assistance'
  | 'direct-access'
)[];
/**
 * Every number of the exposure model, each with its rationale, so an analyst can change the model without touching code. See docs/methodology.md.
 */
export interface ModelParameters {
  /**
   * Named in every result. Bump it whenever a number or rule changes.
   */
  modelVersion: string;
  description?: string;
  /**
   * Every taxonomy category once, in taxonomy order (the order of cells in a result), with its sensitivity.
   *
   * @minItems 1
   * @maxItems 13
   */
  categories: [
    {
      category: CategoryId;
      kind: 'content' | 'non-content';
      sensitivity: Fraction;
      rationale: Rationale;
      sources?: Sources;
    },
    ...{
      category: CategoryId;
      kind: 'content' | 'non-content';
      sensitivity: Fraction;
      rationale: Rationale;
      sources?: Sources;
    }[]
  ];
  /**
   * Base weight of each kind of legal instrument: the weaker its safeguard, the higher. An instrument of unknown kind is scored between the lowest and the highest access kind.
   */
  instrumentKinds: {
    warrant: Param;
    'court-order': Param;
    subpoena: Param;
    'administrative-request': Param;
    'national-security-letter': Param;
    'programmatic-bulk': Param;
    'key-disclosure': Param;
    'direct-access': Param;
  };
  instrumentModifiers: {
    /**
     * The step each authorisation route adds to an instrument's weight, in rising order of exposure (checked at load: the steps never fall along court-before < court-after < commission < prosecutor < executive < none). An instrument's most exposing known route decides; `not-court` lies between commission and none, `unknown` between its known routes and none.
     */
    authorisation: {
      'court-before': Param;
      'court-after': Param;
      commission: Param;
      prosecutor: Param;
      executive: Param;
      none: Param;
    };
    gagOrder: Param;
    extraterritorialReach: Param;
  };
  providerPosture: {
    userNotification: {
      always: Param;
      'unless-prohibited': Param;
      never: Param;
    };
    requiresJudicialReview: Param;
    complianceFloor: Param;
    liveInterceptionNotSupported: Param;
    /**
     * Which instrument kinds a provider's policy for a legal process speaks about.
     */
    processKinds: {
      'search-warrant'?: KindList;
      'court-order'?: KindList;
      subpoena?: KindList;
      'national-security-letter'?: KindList;
      'fisa-order'?: KindList;
      'wiretap-order'?: KindList;
      'pen-register-order'?: KindList;
      'emergency-request'?: KindList;
      'preservation-request'?: KindList;
      'mlat-request'?: KindList;
      'administrative-request'?: KindList;
      'informal-request'?: KindList;
      other?: KindList;
    };
  };
  thirdParty: {
    relationship: {
      licensee: Param;
      processor: Param;
      partner: Param;
      affiliate: Param;
    };
    access: Param;
    capabilities: {
      'keyword-filtering': Param;
      'content-retention': Param;
      'live-interception': Param;
      censorship: Param;
      'bulk-access': Param;
    };
    retentionFloor: Param;
  };
  transit: {
    protection: {
      'end-to-end': Param;
      transport: Param;
      none: Param;
    };
    /**
     * A mandate of unknown kind is scored between the lowest and the highest of these.
     */
    mandateKinds: {
      capability: Param;
      'technical-assistance': Param;
      'direct-access': Param;
    };
    observers: {
      none: Param;
      observe: Param;
      retain: Param;
    };
    observerReach: Param;
    notSubject: Param;
  };
  retention: {
    none: Param;
    indefinite: Param;
    /**
     * The retention curve: window factor at each duration, linear in days between points, flat after the last. Durations ascending, factors non-decreasing.
     *
     * @minItems 2
     * @maxItems 30
     */
    points: [
      {
        duration: IsoDuration;
        factor: Fraction;
        rationale?: Rationale;
      },
      {
        duration: IsoDuration;
        factor: Fraction;
        rationale?: Rationale;
      },
      ...{
        duration: IsoDuration;
        factor: Fraction;
        rationale?: Rationale;
      }[]
    ];
    untilEvent: {
      'account-deletion': Param;
      'purpose-fulfilled': Param;
      'legal-hold-ends': Param;
    };
  };
  /**
   * Grade bands in order from best to worst: a score below `below` gets this grade; the last band has below null.
   *
   * @minItems 2
   * @maxItems 10
   */
  grades: [
    {
      grade: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
      below: number | null;
      rationale: Rationale;
    },
    {
      grade: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
      below: number | null;
      rationale: Rationale;
    },
    ...{
      grade: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
      below: number | null;
      rationale: Rationale;
    }[]
  ];
  /**
   * The encryption-powers pathway: an order to weaken or bypass the provider's own encryption, applied to end-to-end data.
   */
  encryptionPowers: {
    factor: Param;
    demands: {
      'refuse-or-withdraw': Param;
      comply: Param;
    };
  };
  /**
   * Reach of a jurisdiction's access instruments to a provider present only in a partner state of a cross-border agreement.
   */
  agreements: {
    'cloud-act-agreement': Param;
    'production-order-framework': Param;
    mlat: Param;
  };
  /**
   * The weight of a power the profile does not record (no instrument in force reaches readable stored data of a present provider, or a coverage gap): used for the worst case only.
   */
  unknownLaw: {
    weight: Param;
  };
  compliance: {
    minRequests: {
      value: number;
      rationale: Rationale;
    };
  };
  /**
   * Which declared services (provider.services, free words) make a provider a telecommunications operator, or an infrastructure provider, for the mandates scoped to them. A table, not a word match: a word that is not in it is not classified, so whether it binds is not known.
   */
  services: {
    rationale: Rationale;
    kinds: {
      [k: string]: {
        /**
         * true, false, or "unknown" where the word covers both kinds of service.
         */
        telecom: boolean | 'unknown';
        /**
         * true, false, or "unknown" where the word covers both kinds of service.
         */
        infrastructure: boolean | 'unknown';
        rationale: Rationale;
        sources?: Sources;
      };
    };
  };
  /**
   * Feasible completions (P13): facts a real provider's other answers settle about whether it can read a category. A constraint makes a category readable by the provider (at rest, in transit, or both) when its trigger holds; an unanswered protection then completes as readable on both bounds, and a declared end-to-end answer that contradicts it is scored as readable and reported as an infeasible-answer finding naming both answers. Checked at load: unique ids; `categories` given exactly for the `collected` trigger; the service table names content categories only.
   */
  feasibility: {
    rationale: Rationale;
    /**
     * @minItems 1
     * @maxItems 50
     */
    constraints: [
      {
        id: Slug;
        /**
         * collected: the category is declared collected "yes" (list the categories); live-interception-supported: legalProcess.liveInterception is "supported" (the content categories of the provider's services, from serviceContent); content-disclosed: a transparency row of the period containing asOf, or of the last period before it, reports contentDisclosed > 0 (the content categories it names in categoriesRequested, else the provider's only collected content category); provider-observes / provider-retains: the category's interception list names { party: "provider", capability: "observe" / "retain" }.
         */
        when:
          'collected' | 'live-interception-supported' | 'content-disclosed' | 'provider-observes' | 'provider-retains';
        /**
         * @minItems 1
         * @maxItems 13
         */
        categories?: [CategoryId, ...CategoryId[]];
        /**
         * @minItems 1
         * @maxItems 2
         */
        readable: ['at-rest' | 'in-transit', ...('at-rest' | 'in-transit')[]];
        reason: Rationale;
        sources?: Sources;
      },
      ...{
        id: Slug;
        /**
         * collected: the category is declared collected "yes" (list the categories); live-interception-supported: legalProcess.liveInterception is "supported" (the content categories of the provider's services, from serviceContent); content-disclosed: a transparency row of the period containing asOf, or of the last period before it, reports contentDisclosed > 0 (the content categories it names in categoriesRequested, else the provider's only collected content category); provider-observes / provider-retains: the category's interception list names { party: "provider", capability: "observe" / "retain" }.
         */
        when:
          'collected' | 'live-interception-supported' | 'content-disclosed' | 'provider-observes' | 'provider-retains';
        /**
         * @minItems 1
         * @maxItems 13
         */
        categories?: [CategoryId, ...CategoryId[]];
        /**
         * @minItems 1
         * @maxItems 2
         */
        readable: ['at-rest' | 'in-transit', ...('at-rest' | 'in-transit')[]];
        reason: Rationale;
        sources?: Sources;
      }[]
    ];
    /**
     * @minItems 1
     * @maxItems 20
     */
    serviceContent: [
      {
        category: CategoryId;
        /**
         * @minItems 1
         * @maxItems 50
         */
        services: [string, ...string[]];
        rationale: Rationale;
      },
      ...{
        category: CategoryId;
        /**
         * @minItems 1
         * @maxItems 50
         */
        services: [string, ...string[]];
        rationale: Rationale;
      }[]
    ];
  };
}
export interface Param {
  value: Fraction;
  rationale: Rationale;
  sources?: Sources;
}
/**
 * A list of transparency-report rows, exactly as `governmentRequests` in a declaration: the body of a JSON transparency import.
 *
 * @maxItems 20000
 */
export type GovernmentRequests = GovernmentRequest[];
/**
 * provider-statement: the provider's own statement elsewhere (a blog post, a filing, an interview).
 */
export type EvidenceKind =
  | 'court-record'
  | 'investigative-report'
  | 'academic-study'
  | 'patent'
  | 'leaked-document'
  | 'technical-test'
  | 'provider-statement';
/**
 * Evidence about one fact of a provider's declaration, recorded by a reviewer (an advocacy group, researcher or journalist). `pointer` addresses the declaration format with list items by their key (`/dataCategories/message-content/retention`, `/thirdParties/cn-licensee/capabilities`; `/thirdParties/-` asserts a party the provider did not declare); `value` is what the evidence supports, in the format's own vocabulary at that place, and is validated like a fragment of a declaration.
 */
export interface Observation {
  /**
   * A JSON Pointer (RFC 6901) into the declaration format whose list items are addressed by key: dataCategories by `category`, thirdParties by `id`, interception by `party`, interceptionStatutes by `statute@jurisdiction`, policies by `process@jurisdiction`; `-` in place of a key adds an item the provider did not declare.
   */
  pointer: string;
  /**
   * What the evidence supports at `pointer`, as the declaration format would state it there.
   */
  value: string | number | boolean | {} | unknown[] | null;
  /**
   * What was observed, in the reviewer's words (plain text; rendered escaped).
   */
  statement: string;
  observedAt: IsoDate;
  /**
   * @minItems 1
   * @maxItems 50
   */
  sources: [EvidenceSource, ...EvidenceSource[]];
  /**
   * The number of an earlier observation of the same organisation about the same provider that this one replaces.
   */
  supersedes?: number;
  /**
   * The provider's name, when it has no declaration yet (the first observation names it).
   */
  providerName?: string;
}
export interface EvidenceSource {
  /**
   * An absolute http or https URL (other schemes, such as javascript: or data:, are refused so that no client renders an active link from a declaration).
   */
  url: string;
  title: string;
  publisher?: string;
  published?: IsoDate1;
  kind?: EvidenceKind;
}
/**
 * A provider's answer to an observation about it, shown beside the observation.
 */
export interface ObservationResponse {
  /**
   * The provider's answer (plain text; rendered escaped).
   */
  statement: string;
  /**
   * Where the answer can be checked; may be empty.
   *
   * @maxItems 50
   */
  sources: EvidenceSource[];
}
/**
 * @maxItems 50
 */
export type Services = string[];
/**
 * @maxItems 50
 */
export type Purposes = string[];
/**
 * @maxItems 200
 */
export type ThirdParties = ThirdParty[];
/**
 * A reviewer's assessment of a provider (an advocacy group documenting a provider that has not declared, or reading one that has): any part of a declaration (`document`, format 1.x), what it describes as of `observedAt`, in the reviewer's words (`statement`) and from `sources`. Its facts act as observations. Its lists read as "at least these items": an assessment never claims that a list is complete. The organisation comes from the key that records it.
 */
export interface Assessment {
  document: DeclarationFragment;
  observedAt: IsoDate1;
  /**
   * What the assessment finds, in the reviewer's words (plain text; rendered escaped).
   */
  statement: string;
  /**
   * @minItems 1
   * @maxItems 50
   */
  sources: [EvidenceSource, ...EvidenceSource[]];
  /**
   * How the facts were established (read the privacy policy, tested the client, read court records…), in the reviewer's words.
   */
  method?: string;
  /**
   * The number of an earlier assessment of the same organisation about the same provider that this one replaces.
   */
  supersedes?: number;
}
/**
 * Any part of a declaration, as the declaration format states it, with nothing required: `provider` (its `name` names a provider that has not declared; `id`, when given, must be the provider of the path), `dataCategories` (each with its `category`), `thirdParties`, `legalProcess`. Not `format`, `asOf` (the assessment has `observedAt`), `sources` (the assessment has its own) nor `governmentRequests` (the provider's own counts, imported, never assessed).
 */
export interface DeclarationFragment {
  provider?: {
    id?: Slug;
    name?: string;
    /**
     * Jurisdiction of the provider's head office.
     */
    headquarters?: Jurisdiction | 'undisclosed';
    establishments?: Jurisdiction[] | 'undisclosed';
    services?: Services;
    /**
     * An absolute http or https URL (other schemes, such as javascript: or data:, are refused so that no client renders an active link from a declaration).
     */
    website?: string;
  };
  /**
   * @minItems 1
   * @maxItems 13
   */
  dataCategories?: [
    {
      category: CategoryId;
      collected?: 'yes' | 'no' | 'undisclosed';
      description?: string;
      purposes?: Purposes;
      retention?: Retention;
      storageLocations?: Jurisdiction[] | 'undisclosed';
      protection?: Protection;
      interception?: Interception;
      sources?: Sources;
    },
    ...{
      category: CategoryId;
      collected?: 'yes' | 'no' | 'undisclosed';
      description?: string;
      purposes?: Purposes;
      retention?: Retention;
      storageLocations?: Jurisdiction[] | 'undisclosed';
      protection?: Protection;
      interception?: Interception;
      sources?: Sources;
    }[]
  ];
  thirdParties?: ThirdParties;
  legalProcess?: LegalProcess;
}
export interface Interception1 {
  party: 'network-operator' | 'provider' | 'third-party' | 'attacker';
  capability: 'observe' | 'retain' | 'none' | 'undisclosed';
  note?: string;
}
/**
 * Questions an organisation sent to providers on a date, with a reply deadline: each ask names the places of the declaration format that answer it, and the scorecard judges every provider's declarations against them. The organisation comes from the key that creates it.
 */
export interface Campaign {
  id: Slug;
  title: string;
  /**
   * @minItems 1
   * @maxItems 50
   */
  asks: [CampaignAsk, ...CampaignAsk[]];
  /**
   * The providers the asks were sent to (ids of providers with a declaration, observations or assessments).
   *
   * @minItems 1
   * @maxItems 500
   */
  providers: [Slug, ...Slug[]];
  sentOn: IsoDate;
  replyDueBy: IsoDate1;
  /**
   * Where the campaign can be read (the letter as published).
   *
   * @maxItems 50
   */
  sources: EvidenceSource[];
}
export interface CampaignAsk {
  id: Slug;
  title: string;
  /**
   * The question as sent (plain text; rendered escaped).
   */
  text: string;
  /**
   * Where a declaration answers the ask: JSON Pointers into the declaration format with list items by key, as observations address them, and `*` for every item (`/dataCategories/* /retention`: every taxonomy category; a category missing from the declaration is unanswered). A pointer may stop at a list (`/governmentRequests`, `/thirdParties`).
   *
   * @minItems 1
   * @maxItems 50
   */
  pointers: [string, ...string[]];
}
