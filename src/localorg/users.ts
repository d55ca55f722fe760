import { randomBytes } from 'node:crypto';
import type { OrgCore } from './orgCore';
import type { OrgUser } from './router';

/** The demo people of every local org: who you can be in the preview and the CLI. */
const DEMO_USERS: { first: string; last: string; persona: OrgUser['persona']; title: string }[] = [
  { first: 'Sanna', last: 'Virtanen', persona: 'seller', title: 'Account Executive' },
  { first: 'Mikko', last: 'Korhonen', persona: 'seller', title: 'Account Executive' },
  { first: 'Aino', last: 'Nieminen', persona: 'accountManager', title: 'Account Manager' },
  { first: 'Juha', last: 'Mäkinen', persona: 'accountManager', title: 'Key Account Manager' },
  { first: 'Baton', last: 'Admin', persona: 'admin', title: 'Salesforce Admin' }
];

/**
 * Makes the demo users once and returns them with their session tokens. Tokens are random per
 * install and kept in the org's own database, so a restart keeps sessions.
 */
export function ensureUsers(org: OrgCore): OrgUser[] {
  const stored = org.store.meta('users');
  if (stored) return JSON.parse(stored) as OrgUser[];
  const users: OrgUser[] = [];
  org.transaction(() => {
    for (const demo of DEMO_USERS) {
      const username = `${demo.first.toLowerCase()}.${demo.last.toLowerCase().replace('ä', 'a')}@baton.local`;
      const bootstrap = { id: users[0]?.id ?? '005000000000000AAA' };
      const id = org.records.create(
        'User',
        {
          Username: username,
          FirstName: demo.first,
          LastName: demo.last,
          Email: username,
          Alias: demo.first.slice(0, 5).toLowerCase(),
          Title: demo.title,
          Persona__c: demo.persona
        },
        bootstrap
      );
      users.push({
        id,
        username,
        name: `${demo.first} ${demo.last}`,
        persona: demo.persona,
        token: `00D${randomBytes(6).toString('hex').toUpperCase()}!${randomBytes(24).toString('hex')}`
      });
    }
    assignPermissionSets(org, users);
    org.store.setMeta('users', JSON.stringify(users));
  });
  return users;
}

const PERMISSION_SETS: Record<OrgUser['persona'], string> = {
  seller: 'Baton_Seller',
  accountManager: 'Baton_Account_Manager',
  admin: 'Baton_Admin'
};

/** Each persona holds its Baton permission set, so "who is an account manager" is answerable. */
function assignPermissionSets(org: OrgCore, users: OrgUser[]) {
  const admin = { id: users.find((u) => u.persona === 'admin')!.id };
  const ids = Object.fromEntries(
    Object.values(PERMISSION_SETS).map((name) => [
      name,
      org.records.create('PermissionSet', { Name: name, Label: name.replace(/_/g, ' ') }, admin)
    ])
  );
  for (const user of users) {
    org.records.create(
      'PermissionSetAssignment',
      { AssigneeId: user.id, PermissionSetId: ids[PERMISSION_SETS[user.persona]] },
      admin
    );
  }
}
