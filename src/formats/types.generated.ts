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
  website?: string;
  sources?: Sources;
}
export interface Source {
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
