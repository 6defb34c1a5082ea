/**
 * The CSV layouts the transparency importer recognises, told apart by their headers.
 * Header matching ignores case and surrounding spaces; extra columns are ignored.
 */
export interface GoogleLayout {
  id: 'google-current' | 'google-2017';
  kind: 'google';
  description: string;
  columns: { period: string; country: string; code: string; process: string; requests: string; accounts: string; percent: string };
}

export interface AtlasLayout {
  id: 'atlas';
  kind: 'atlas';
  description: string;
  /** Required columns, named after the `governmentRequests` fields (nested ones with a dot). */
  columns: string[];
  optional: string[];
}

export type CsvLayout = GoogleLayout | AtlasLayout;

export const CSV_LAYOUTS: CsvLayout[] = [
  {
    id: 'google-current',
    kind: 'google',
    description: 'Google Transparency Report, user data requests (current export)',
    columns: {
      period: 'Period Ending',
      country: 'Country/Region',
      code: 'CLDR Territory Code',
      process: 'Legal Process',
      requests: 'User Data Requests',
      accounts: 'Accounts',
      percent: 'Percentage disclosed',
    },
  },
  {
    id: 'google-2017',
    kind: 'google',
    description: 'Google Transparency Report, user data requests (2017 export)',
    columns: {
      period: 'Period Ending',
      country: 'Country',
      code: 'CLDR Territory Code',
      process: 'Legal Process',
      requests: 'User Data Requests',
      accounts: 'Users/Accounts Specified',
      percent: 'Percentage of requests where some data produced',
    },
  },
  {
    id: 'atlas',
    kind: 'atlas',
    description: "retention-atlas's own layout: one column per governmentRequests field",
    columns: ['period.start', 'period.end', 'country', 'process', 'requests', 'accounts'],
    optional: ['percentDisclosed', 'outcomes.contentDisclosed', 'outcomes.nonContentOnly', 'outcomes.noDataFound', 'outcomes.rejected', 'categoriesRequested'],
  },
];

export const headerKey = (header: string) => header.trim().toLowerCase();

export function requiredHeaders(layout: CsvLayout): string[] {
  return layout.kind === 'google' ? Object.values(layout.columns) : layout.columns;
}

/** The first layout whose required headers are all present, or undefined. */
export function detectLayout(headers: string[]): CsvLayout | undefined {
  const present = new Set(headers.map(headerKey));
  return CSV_LAYOUTS.find((layout) => requiredHeaders(layout).every((h) => present.has(headerKey(h))));
}
