import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalOrg, type LocalOrg } from './server';
import { q } from './store';

const PROJECT = join(__dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'baton-users-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Turns a fresh org back into one made before hashed tokens and the CS lead existed. */
function makeOld(org: LocalOrg): string[] {
  const store = org.core.store;
  const lead = org.users.find((u) => u.persona === 'lead')!;
  store.db.prepare(`DELETE FROM ${q('PermissionSetAssignment')} WHERE AssigneeId = ?`).run(lead.id);
  store.db.prepare(`DELETE FROM ${q('PermissionSet')} WHERE Name = 'Baton_CS_Lead'`).run();
  store.db.prepare(`DELETE FROM ${q('User')} WHERE Id = ?`).run(lead.id);
  const old = org.users
    .filter((u) => u !== lead)
    .map((u, i) => ({ ...u, token: `00DOLDTOKEN0000!plaintext-${i}-${u.persona}` }));
  store.setMeta('users', JSON.stringify(old));
  return old.map((u) => u.token);
}

const fileText = () =>
  ['org.sqlite', 'org.sqlite-wal']
    .map((name) => readFileSync(join(dataDir, name), { flag: 'a+' }).toString('latin1'))
    .join('');

it('upgrades an org made before: its plaintext tokens leave the files, the CS lead arrives with its permission set', async () => {
  let org = await startLocalOrg({ dataDir, projectDir: PROJECT });
  const oldTokens = makeOld(org);
  await org.close();
  expect(oldTokens.filter((token) => fileText().includes(token))).toHaveLength(5);

  org = await startLocalOrg({ dataDir, projectDir: PROJECT });
  try {
    expect(oldTokens.filter((token) => fileText().includes(token))).toEqual([]);
    expect(oldTokens.every((token) => !org.userByToken(token))).toBe(true);
    const lead = org.users.find((u) => u.persona === 'lead')!;
    expect(lead.name).toBe('Laura Lehtonen');
    const held = await org
      .connectionFor(lead)
      .query<{ PermissionSet: { Name: string } }>(
        `SELECT PermissionSet.Name FROM PermissionSetAssignment WHERE AssigneeId = '${lead.id}'`
      );
    expect(held.records.map((r) => r.PermissionSet.Name)).toEqual(['Baton_CS_Lead']);
    expect(org.users).toHaveLength(6);
  } finally {
    await org.close();
  }
});
