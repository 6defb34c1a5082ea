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
  country: Jurisdiction;
  process: ProcessId | 'all';
  requests: Count;
  accounts: Count;
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
 * @minItems 1
 * @maxItems 20
 */
export type FactSources = [FactSource, ...FactSource[]];
/**
 * A calendar date, YYYY-MM-DD.
 */
export type IsoDate1 = string;
export type Year = number | Unknown;
/**
 * Not known to the profile's authors; scored as the worst case unless the methodology says otherwise.
 */
export type Unknown = 'unknown';
/**
 * Taxonomy ids of the data categories the rule reaches; "unknown" is scored as every category.
 */
export type Categories = [CategoryId, ...CategoryId[]] | Unknown;
/**
 * Only in-force (and, conservatively, unknown) rules are scored.
 */
export type Status = 'in-force' | 'struck-down' | 'suspended' | 'repealed' | 'not-yet-applicable' | 'unknown';
/**
 * The legal access regime of one jurisdiction: how its authorities obtain stored data and live communications from providers, what it makes providers retain, where it makes them store data, and what interception capability it mandates. Every fact carries at least one source; a fact that is not known is "unknown", never a guess.
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
}
/**
 * Only for a union (EU): the member states. A provider present in a member state is present in the union; a provider that names the union as a location may be in any member state.
 */
export interface MemberStates {
  /**
   * @minItems 1
   * @maxItems 60
   */
  codes: [Jurisdiction, ...Jurisdiction[]];
  sources: FactSources;
}
export interface FactSource {
  /**
   * An absolute http or https URL (other schemes, such as javascript: or data:, are refused so that no client renders an active link from a declaration).
   */
  url: string;
  title: string;
  accessed: IsoDate1;
}
export interface Instrument {
  id: Slug;
  name: string;
  year: Year;
  /**
   * The kind of legal process, from the strongest safeguard (a judicial warrant) to the weakest (direct access).
   */
  kind:
    | 'warrant'
    | 'court-order'
    | 'subpoena'
    | 'administrative-request'
    | 'national-security-letter'
    | 'programmatic-bulk'
    | 'key-disclosure'
    | 'technical-assistance'
    | 'direct-access';
  /**
   * Whether it obtains data already stored, communications in real time, or both.
   */
  reaches: 'stored' | 'live' | 'both';
  /**
   * true when a judge (or judicial commissioner) authorises it before use.
   */
  judicialReview: boolean | Unknown;
  /**
   * true when the provider is, or is routinely, forbidden to tell the user.
   */
  gagOrder: boolean | Unknown;
  categories: Categories;
  /**
   * true when the law claims to reach providers with no headquarters, establishment or storage in the jurisdiction, or their data held abroad.
   */
  extraterritorial: boolean | Unknown;
  status: Status;
  note?: string;
  sources: FactSources;
}
export interface RetentionMandate {
  id: Slug;
  name: string;
  year: Year;
  categories: Categories;
  /**
   * How long the data must be kept (the longest period where the rule gives a range); unknown is scored as indefinite.
   */
  duration: IsoDuration | Unknown;
  status: Status;
  /**
   * Whom it binds: every communications or online service provider, or only operators of public telecommunications networks and services.
   */
  scope: 'all-providers' | 'telecom-operators' | 'unknown';
  note?: string;
  sources: FactSources;
}
export interface LocalisationRule {
  id: Slug;
  name: string;
  year: Year;
  categories: Categories;
  /**
   * local-copy: a copy must be kept in the jurisdiction; local-only: the data may not leave it; transfer-restriction: transfers abroad need a legal basis or approval.
   */
  requirement: 'local-copy' | 'local-only' | 'transfer-restriction' | 'unknown';
  status: Status;
  note?: string;
  sources: FactSources;
}
export interface InterceptionMandate {
  id: Slug;
  name: string;
  year: Year;
  /**
   * capability: operators must build interception capability and execute orders; technical-assistance: authorities may order a provider to build or give help case by case; direct-access: authorities hold equipment or access that lets them intercept without asking the operator each time.
   */
  kind: 'capability' | 'technical-assistance' | 'direct-access' | 'unknown';
  appliesTo: 'telecom-operators' | 'all-providers' | 'unknown';
  categories: Categories;
  status: Status;
  note?: string;
  sources: FactSources;
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
   * Base weight of each kind of legal instrument: the weaker its safeguard, the higher.
   */
  instrumentKinds: {
    warrant: Param;
    'court-order': Param;
    subpoena: Param;
    'administrative-request': Param;
    'national-security-letter': Param;
    'programmatic-bulk': Param;
    'key-disclosure': Param;
    'technical-assistance': Param;
    'direct-access': Param;
  };
  instrumentModifiers: {
    noJudicialReview: Param;
    gagOrder: Param;
    extraterritorialReach: Param;
  };
  providerPosture: {
    userNotification: {
      always: Param;
      'unless-prohibited': Param;
      never: Param;
      undisclosed: Param;
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
      undisclosed: Param;
    };
    retentionFloor: Param;
  };
  transit: {
    protection: {
      'end-to-end': Param;
      transport: Param;
      none: Param;
      undisclosed: Param;
    };
    mandateKinds: {
      capability: Param;
      'technical-assistance': Param;
      'direct-access': Param;
      unknown: Param;
    };
    observers: {
      none: Param;
      observe: Param;
      retain: Param;
      undisclosed: Param;
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
    /**
     * Service words that make a provider a telecom operator for mandates scoped to telecom operators. A provider that lists no services is treated as one.
     */
    telecomServices: {
      /**
       * @maxItems 50
       */
      words: string[];
      rationale: Rationale;
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
