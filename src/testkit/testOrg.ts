import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { API_VERSION, startLocalOrg, type LocalOrg } from '../localorg/server';
import { registerAllTwins } from '../devstack/twins';

export interface TestOrg {
  org: LocalOrg;
  /** jsforce as the admin persona. */
  conn: Connection;
  /** jsforce as a persona ('seller', 'accountManager', 'admin') or a user id. */
  connAs(personaOrUserId: string): Connection;
  close(): Promise<void>;
}

/** A fresh local org in a temporary folder, for tests that go through the real API. */
export async function startTestOrg(
  options: { projectDir?: string; twins?: boolean } = {}
): Promise<TestOrg> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-test-org-'));
  const org = await startLocalOrg({
    dataDir,
    projectDir: options.projectDir ?? join(__dirname, '..', '..')
  });
  if (options.twins !== false) registerAllTwins(org);
  const connAs = (key: string) => {
    const user = org.users.find(
      (u) => u.persona === key || u.id === key || u.id.slice(0, 15) === key.slice(0, 15)
    );
    if (!user) throw new Error(`No local org user for ${key}`);
    return new Connection({
      instanceUrl: org.instanceUrl,
      accessToken: user.token,
      version: API_VERSION
    });
  };
  return {
    org,
    conn: connAs('admin'),
    connAs,
    async close() {
      await org.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}
