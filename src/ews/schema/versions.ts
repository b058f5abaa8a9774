/**
 * EWS schema versions in the order Exchange introduced them (types.xsd ExchangeVersionType).
 * Comparisons go through {@link versionAtLeast}, never through string order.
 */
export const EXCHANGE_VERSIONS = [
  'Exchange2007',
  'Exchange2007_SP1',
  'Exchange2010',
  'Exchange2010_SP1',
  'Exchange2010_SP2',
  'Exchange2013',
  'Exchange2013_SP1',
  'Exchange2015',
  'Exchange2016',
  'V2015_10_05',
  'V2016_01_06',
  'V2016_04_13',
  'V2016_07_13',
  'V2016_10_10',
  'V2017_01_07',
  'V2017_04_14',
  'V2017_07_11',
  'V2018_01_08',
] as const;

export type ExchangeVersion = (typeof EXCHANGE_VERSIONS)[number];

export function isExchangeVersion(v: string): v is ExchangeVersion {
  return (EXCHANGE_VERSIONS as readonly string[]).includes(v);
}

export function versionAtLeast(v: ExchangeVersion, min: ExchangeVersion): boolean {
  return EXCHANGE_VERSIONS.indexOf(v) >= EXCHANGE_VERSIONS.indexOf(min);
}

/** What a response's ServerVersionInfo header says. */
export interface ServerVersionInfo {
  readonly majorVersion: number;
  readonly minorVersion: number;
  readonly majorBuildNumber: number;
  readonly minorBuildNumber: number;
  /** The newest schema the server speaks, e.g. `V2017_07_11`; may be a name newer than this table (`V2_10`). */
  readonly version: string;
}

/**
 * The product behind a build number, from Microsoft's build table: 8 = 2007, 14 = 2010, 15.0 = 2013,
 * 15.1 = 2016, 15.2 = 2019 (and Exchange Server SE from build 15.2.2562), 15.20+ = Exchange Online.
 */
export function productName(v: ServerVersionInfo): string {
  const { majorVersion: major, minorVersion: minor, majorBuildNumber: build } = v;
  if (major === 8) return 'Exchange 2007';
  if (major === 14) return 'Exchange 2010';
  if (major === 15 && minor === 0) return 'Exchange 2013';
  if (major === 15 && minor === 1) return 'Exchange 2016';
  if (major === 15 && minor === 2) return build >= 2562 ? 'Exchange Server SE' : 'Exchange 2019';
  if (major === 15 && minor >= 20) return 'Exchange Online';
  return `Exchange ${major}.${minor}`;
}

/** Exchange 2013 RTM is 15.00.0516.032; Concierge (like Alexa for Business) needs 2013 or later. */
export function isExchange2013OrLater(v: ServerVersionInfo): boolean {
  return v.majorVersion > 15 || (v.majorVersion === 15 && (v.minorVersion > 0 || v.majorBuildNumber >= 516));
}

export function formatServerVersion(v: ServerVersionInfo): string {
  return `${productName(v)} (${v.majorVersion}.${v.minorVersion}.${v.majorBuildNumber}.${v.minorBuildNumber}, ${v.version})`;
}
