import { OrgError } from './errors';
import { checksumSuffix } from '../core/ids';
import type { OrgUser } from './router';
import { API_VERSION } from '../metadata/apiVersion';

export { API_VERSION };
/** The oldest REST API version an org still answers (Salesforce retired 7.0–20.0). */
const OLDEST_VERSION = 21;
const NEWEST_VERSION = Number(API_VERSION);

/** `GET /services/data`: every version this org answers, oldest first, as an org lists them. */
export function versionList() {
  const versions = [];
  for (let v = OLDEST_VERSION; v <= NEWEST_VERSION; v++)
    versions.push({ label: `v${v}.0`, url: `/services/data/v${v}.0`, version: `${v}.0` });
  return versions;
}

/** A version an org does not have answers 404 NOT_FOUND, as `/services/data/v99.0` does. */
export function checkVersion(version: string): void {
  const major = Number(version);
  if (!Number.isInteger(major) || major < OLDEST_VERSION || major > NEWEST_VERSION)
    throw new OrgError(404, 'NOT_FOUND', 'The requested resource does not exist');
}

/** The org id from the first user's pod and sequence, valid with its 18-character checksum. */
export function organizationIdFor(firstUserId: string): string {
  const id15 = `00D${firstUserId.slice(3, 15)}`;
  return id15 + checksumSuffix(id15);
}

/** The identity URL jsforce's `identity()` and @salesforce/core read from the version resource. */
export const identityUrl = (instanceUrl: string, orgId: string, userId: string) =>
  `${instanceUrl}/id/${orgId}/${userId}`;

/** `GET /services/data/vXX.X`: the resources of a version, with the caller's identity URL. */
export function versionResource(version: string, identity: string) {
  const base = `/services/data/v${version}`;
  const names = ['sobjects', 'query', 'queryAll', 'search', 'limits', 'composite', 'jobs'];
  return {
    ...Object.fromEntries(names.map((name) => [name, `${base}/${name}`])),
    chatter: `${base}/chatter`,
    'ui-api': `${base}/ui-api`,
    identity
  };
}

/** `GET /id/{orgId}/{userId}`: the identity service's document for the signed-in user. */
export function identityDocument(instanceUrl: string, orgId: string, user: OrgUser) {
  const rest = (path: string) => `${instanceUrl}/services/data/v{version}/${path}`;
  return {
    id: identityUrl(instanceUrl, orgId, user.id),
    asserted_user: true,
    user_id: user.id,
    organization_id: orgId,
    username: user.username,
    nick_name: user.name.split(' ')[0],
    display_name: user.name,
    email: user.username,
    email_verified: true,
    first_name: user.name.split(' ')[0],
    last_name: user.name.split(' ').slice(1).join(' '),
    timezone: 'GMT',
    active: true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    urls: {
      rest: rest(''),
      sobjects: rest('sobjects/'),
      search: rest('search/'),
      query: rest('query/'),
      recent: rest('recent/'),
      profile: `${instanceUrl}/${user.id}`,
      feeds: rest('chatter/feeds'),
      users: rest('chatter/users'),
      feed_items: rest('chatter/feed-items'),
      custom_domain: instanceUrl
    }
  };
}

/**
 * Allowances in the shape an org reports them, generous as a large org's, since the local org
 * is not metered; only API requests are counted (over the org's life, not per day).
 */
const ALLOWANCES: Record<string, number> = {
  DailyApiRequests: 5_000_000,
  DailyAsyncApexExecutions: 250_000,
  DailyBulkApiBatches: 15_000,
  DailyBulkV2QueryFileStorageMB: 976_562,
  DailyBulkV2QueryJobs: 10_000,
  DailyDurableStreamingApiEvents: 10_000,
  DailyStreamingApiEvents: 10_000,
  DailyWorkflowEmails: 405,
  DataStorageMB: 1024,
  FileStorageMB: 2048,
  HourlyODataCallout: 10_000,
  HourlyTimeBasedWorkflow: 50,
  MassEmail: 10,
  SingleEmail: 15,
  ConcurrentAsyncGetReportInstances: 200,
  ConcurrentSyncReportRuns: 20
};

/** `GET /limits`: every allowance with `Max` and `Remaining`. */
export function limits(apiRequests: number) {
  return Object.fromEntries(
    Object.entries(ALLOWANCES).map(([name, max]) => [
      name,
      {
        Max: max,
        Remaining: name === 'DailyApiRequests' ? Math.max(0, max - apiRequests) : max
      }
    ])
  );
}

/** The `Sforce-Limit-Info` header every REST response carries. */
export const limitInfoHeader = (apiRequests: number) =>
  `api-usage=${apiRequests}/${ALLOWANCES.DailyApiRequests}`;
