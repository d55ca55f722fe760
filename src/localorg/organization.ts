import type { OrgCore } from './orgCore';
import type { OrgUser } from './router';
import { q } from './store';
import { formatDateTime } from './values';

/** The profiles every org has that the demo users hold: the admin's and everyone else's. */
const PROFILES = { admin: 'System Administrator', others: 'Standard User' };

/**
 * The org's own records, as every org has them: one Organization row under the org id (what
 * @salesforce/core's org information and sandbox checks read) and the profiles its users hold
 * (what `sf org list users` names). Written directly, since neither is created through the API.
 */
export function ensureOrganization(org: OrgCore, orgId: string, users: OrgUser[]): void {
  const admin = users.find((u) => u.persona === 'admin')!;
  const now = formatDateTime(new Date());
  const system = {
    IsDeleted: 0,
    CreatedDate: now,
    LastModifiedDate: now,
    SystemModstamp: now,
    CreatedById: admin.id,
    LastModifiedById: admin.id
  };
  const insert = (table: string, row: Record<string, string | number | null>) => {
    const columns = Object.keys(row);
    org.db
      .prepare(
        `INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
      )
      .run(...columns.map((c) => row[c]));
  };
  org.transaction(() => {
    if (!org.db.prepare(`SELECT 1 FROM ${q('Organization')} WHERE Id = ?`).get(orgId))
      insert('Organization', {
        Id: orgId,
        ...system,
        Name: 'Local Org',
        // A production org: not a sandbox, no trial end (a scratch org would have one).
        OrganizationType: 'Developer Edition',
        InstanceName: 'LOCAL',
        IsSandbox: 0,
        TrialExpirationDate: null,
        NamespacePrefix: null,
        LanguageLocaleKey: 'en_US'
      });
    const profileId = (name: string) => {
      const found = org.db
        .prepare(`SELECT Id FROM ${q('Profile')} WHERE Name = ? AND IsDeleted = 0`)
        .get(name) as { Id: string } | undefined;
      if (found) return found.Id;
      const id = org.records.create('Profile', { Name: name, UserType: 'Standard' }, admin);
      return id;
    };
    const adminProfile = profileId(PROFILES.admin);
    const standardProfile = profileId(PROFILES.others);
    for (const user of users)
      org.db
        .prepare(`UPDATE ${q('User')} SET ProfileId = ? WHERE Id = ? AND ProfileId IS NULL`)
        .run(user.persona === 'admin' ? adminProfile : standardProfile, user.id);
  });
}
