import type { OrgCore } from './orgCore';
import type { OrgUser } from './router';
import { hashToken, newSessionToken } from './signIn';
import { q } from './store';

type Persona = OrgUser['persona'];

/**
 * The demo people of every local org: who you can be in the preview and the CLI. Juha Mäkinen
 * works in Finnish (LanguageLocaleKey fi, LocaleSidKey fi_FI), so posts, Tasks and his pages
 * are Finnish; the others stay English, whose words the contract fixtures pin.
 */
const DEMO_USERS: {
  first: string;
  last: string;
  persona: Persona;
  title: string;
  language?: string;
  locale?: string;
}[] = [
  { first: 'Sanna', last: 'Virtanen', persona: 'seller', title: 'Account Executive' },
  { first: 'Mikko', last: 'Korhonen', persona: 'seller', title: 'Account Executive' },
  { first: 'Aino', last: 'Nieminen', persona: 'accountManager', title: 'Account Manager' },
  {
    first: 'Juha',
    last: 'Mäkinen',
    persona: 'accountManager',
    title: 'Key Account Manager',
    language: 'fi',
    locale: 'fi_FI'
  },
  { first: 'Baton', last: 'Admin', persona: 'admin', title: 'Salesforce Admin' },
  // Last, so that orgs made before the CS lead existed keep every other user's id.
  { first: 'Laura', last: 'Lehtonen', persona: 'lead', title: 'Head of Customer Success' }
];

const PERMISSION_SETS: Record<Persona, string> = {
  seller: 'Baton_Seller',
  accountManager: 'Baton_Account_Manager',
  lead: 'Baton_CS_Lead',
  admin: 'Baton_Admin'
};

/** What the org keeps of a user between runs: the hash of this run's token, never the token. */
type StoredUser = Omit<OrgUser, 'token'> & { tokenHash: string; token?: string };

const usernameOf = (demo: (typeof DEMO_USERS)[number]) =>
  `${demo.first.toLowerCase()}.${demo.last.toLowerCase().replace('ä', 'a')}@baton.local`;

/**
 * Makes the demo users that are missing (each holding its persona's permission set) and gives
 * every user a new session token for this run: a restart signs everyone out. Only the tokens'
 * hashes reach the database.
 */
export function ensureUsers(org: OrgCore): OrgUser[] {
  const stored = JSON.parse(org.store.meta('users') ?? '[]') as StoredUser[];
  const users: OrgUser[] = stored.map(({ id, username, name, persona }) => ({
    id,
    username,
    name,
    persona,
    token: newSessionToken()
  }));
  // Orgs made before tokens were hashed stored them in plaintext: zero those bytes as they go.
  const plaintext = stored.some((user) => user.token);
  if (plaintext) org.db.pragma('secure_delete = ON');
  org.transaction(() => {
    const missing = DEMO_USERS.filter((d) => !users.some((u) => u.username === usernameOf(d)));
    const created: OrgUser[] = [];
    for (const demo of missing) {
      // The very first user is written by a placeholder id, every later one by the first user.
      const writer = { id: (users[0] ?? created[0])?.id ?? '005000000000000AAA' };
      created.push(createUser(org, demo, writer));
    }
    users.push(...created);
    assignPermissionSets(
      org,
      created,
      users.find((u) => u.persona === 'admin')!
    );
    org.store.setMeta(
      'users',
      JSON.stringify(users.map(({ token, ...user }) => ({ ...user, tokenHash: hashToken(token) })))
    );
  });
  if (plaintext) {
    org.db.pragma('wal_checkpoint(TRUNCATE)');
    org.db.pragma('secure_delete = OFF');
  }
  return users;
}

function createUser(
  org: OrgCore,
  demo: (typeof DEMO_USERS)[number],
  writer: { id: string }
): OrgUser {
  const username = usernameOf(demo);
  const id = org.records.create(
    'User',
    {
      Username: username,
      FirstName: demo.first,
      LastName: demo.last,
      Email: username,
      Alias: demo.first.slice(0, 5).toLowerCase(),
      Title: demo.title,
      LanguageLocaleKey: demo.language ?? 'en_US',
      LocaleSidKey: demo.locale ?? 'en_US',
      Persona__c: demo.persona
    },
    writer
  );
  return {
    id,
    username,
    name: `${demo.first} ${demo.last}`,
    persona: demo.persona,
    token: newSessionToken()
  };
}

/** Each persona holds its Baton permission set, so "who is an account manager" is answerable. */
function assignPermissionSets(org: OrgCore, users: OrgUser[], admin: OrgUser) {
  for (const user of users) {
    const name = PERMISSION_SETS[user.persona];
    const existing = org.store
      .stmt(`SELECT Id FROM ${q('PermissionSet')} WHERE Name = ? AND IsDeleted = 0`)
      .get(name) as { Id: string } | undefined;
    const permissionSetId =
      existing?.Id ??
      org.records.create('PermissionSet', { Name: name, Label: name.replace(/_/g, ' ') }, admin);
    org.records.create(
      'PermissionSetAssignment',
      { AssigneeId: user.id, PermissionSetId: permissionSetId },
      admin
    );
  }
}
