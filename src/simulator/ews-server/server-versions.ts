import { EXCHANGE_VERSIONS, versionAtLeast, type ExchangeVersion } from '../../ews/schema/versions.js';

/** The Exchange releases the simulator can pretend to be (the seed's `version`). */
export const SIMULATED_RELEASES = ['Exchange2010_SP2', 'Exchange2013', 'Exchange2013_SP1', 'Exchange2016', 'Exchange2019'] as const;
export type SimulatedRelease = (typeof SIMULATED_RELEASES)[number];

export interface ReleaseInfo {
  /** ServerVersionInfo attributes, from builds real servers reported (Microsoft's build table). */
  readonly major: number;
  readonly minor: number;
  readonly build: number;
  readonly revision: number;
  /** ServerVersionInfo/@Version: the newest schema the server speaks. */
  readonly schema: string;
  /** The newest RequestServerVersion value the server accepts. */
  readonly newestAccepted: ExchangeVersion;
}

export const RELEASES: Record<SimulatedRelease, ReleaseInfo> = {
  // 14.2.328.9 was recorded from a real Exchange 2010 SP2 (evolution-ews traces).
  Exchange2010_SP2: { major: 14, minor: 2, build: 328, revision: 9, schema: 'Exchange2010_SP2', newestAccepted: 'Exchange2010_SP2' },
  // 15.0.516.32 is Exchange 2013 RTM; 15.0.847.32 is Exchange 2013 SP1.
  Exchange2013: { major: 15, minor: 0, build: 516, revision: 32, schema: 'Exchange2013', newestAccepted: 'Exchange2013' },
  Exchange2013_SP1: { major: 15, minor: 0, build: 847, revision: 32, schema: 'Exchange2013_SP1', newestAccepted: 'Exchange2013_SP1' },
  // 15.1.1591.10 (Exchange 2016 CU11) was recorded by ews-java-api; it reports V2017_07_11.
  Exchange2016: { major: 15, minor: 1, build: 1591, revision: 10, schema: 'V2017_07_11', newestAccepted: 'V2017_07_11' },
  // 15.2.1748.10 (Exchange 2019 CU15) was recorded by php-ews.
  Exchange2019: { major: 15, minor: 2, build: 1748, revision: 10, schema: 'V2017_07_11', newestAccepted: 'V2017_07_11' },
};

/**
 * Whether a RequestServerVersion value is accepted. Real servers refuse names they do not know
 * (Exchange 2016 answers "Exchange2019" with HTTP 500 ErrorInvalidRequest; exchangelib relies on that
 * to find the version) and names newer than they speak.
 */
export function acceptsRequestVersion(release: SimulatedRelease, requested: string): boolean {
  if (!(EXCHANGE_VERSIONS as readonly string[]).includes(requested)) return false;
  return versionAtLeast(RELEASES[release].newestAccepted, requested as ExchangeVersion);
}
