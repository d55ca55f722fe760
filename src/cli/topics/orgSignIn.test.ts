import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { localAuthFile, readLocalAuth } from '../../org/connection';
import { localOrgStatus, type LocalOrgLogin } from '../../org/localOrgSignIn';

// `baton org start`, `status` and `login` as a user or a script runs them: the real CLI in
// child processes (HOME is the test run's own, so is the sf alias store), checked over HTTP.

jest.setTimeout(300_000);

const PROJECT = resolve(__dirname, '../../..');
const BIN = join(PROJECT, 'bin/baton.js');
const dataDir = mkdtempSync(join(tmpdir(), 'baton-signin-'));
const elsewhere = mkdtempSync(join(tmpdir(), 'baton-signin-cwd-'));
const DEMO_USERS = ['seller', 'am', 'lead', 'admin', 'mikko.korhonen@baton.local'];
const env = { ...process.env };
delete env.BATON_NO_SF_ALIAS;

let orgProcess: ChildProcess | undefined;
/** What the org printed, for the message when it never gets ready. */
let orgOutput = '';
let logins: LocalOrgLogin[] = [];

function baton(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const options = { cwd: elsewhere, env, timeout: 90_000 };
    execFile('node', [BIN, ...args], options, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 2) : 0, stdout, stderr })
    );
  });
}

/** `npm start`'s `baton org start` in the background, as a developer leaves it running. */
function start(port = 0): ChildProcess {
  const args = [
    'org',
    'start',
    '--data-dir',
    dataDir,
    '--port',
    String(port),
    '--health-every',
    '0'
  ];
  const child = spawn('node', [BIN, ...args], { cwd: PROJECT, env });
  child.stdout.on('data', (chunk) => (orgOutput += String(chunk)));
  child.stderr.on('data', (chunk) => (orgOutput += String(chunk)));
  return child;
}

async function stop() {
  const child = orgProcess!;
  orgProcess = undefined;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

/** Waits for the start to finish (polling over HTTP), then asks the real CLI once. */
async function readyStatus() {
  const deadline = Date.now() + 180_000;
  const ready = () =>
    localOrgStatus(dataDir).then(
      (status) => status.ready,
      () => false
    );
  while (!(await ready())) {
    if (Date.now() > deadline)
      throw new Error(`The local org never became ready. It printed:\n${orgOutput}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const status = await baton('org', 'status', '--json', '--data-dir', dataDir);
  expect(status.code).toBe(0);
  return JSON.parse(status.stdout);
}

async function login(user: string): Promise<LocalOrgLogin> {
  const result = await baton('org', 'login', '--user', user, '--json', '--data-dir', dataDir);
  expect([user, result.code]).toEqual([user, 0]);
  return JSON.parse(result.stdout);
}

const api = (url: string, token: string, path: string, init: RequestInit = {}) =>
  fetch(`${url}/services/data/v62.0${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
  });

const userinfo = (url: string, token: string) =>
  fetch(`${url}/services/oauth2/userinfo`, { headers: { Authorization: `Bearer ${token}` } });

/** One browser (cookie jar): follows the login link and keeps the session cookie it gets. */
async function browserSignIn(loginUrl: string): Promise<string> {
  const response = await fetch(loginUrl, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

/**
 * An sf alias of a Salesforce org, stored as the sf CLI stores one, without reaching the org:
 * AuthInfo encrypts the token (made from the token alone, it sends nothing), written by hand.
 */
const REMOTE_ALIAS = `
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { homedir } = require('node:os');
const { AuthInfo, StateAggregator } = require('@salesforce/core');
(async () => {
  const remote = await AuthInfo.create({
    username: '00DACME00000000!remote',
    accessTokenOptions: { instanceUrl: 'https://acme.my.salesforce.com' }
  });
  const username = 'admin@acme.example';
  const fields = { ...remote.getFields(), username };
  writeFileSync(join(homedir(), '.sfdx', username + '.json'), JSON.stringify(fields));
  await (await StateAggregator.getInstance()).aliases.setAndSave('acme-prod', username);
})().catch((error) => { console.error(error); process.exit(1); });
`;

afterAll(async () => {
  if (orgProcess) await stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});

describe('baton org start, status and login', () => {
  it('reports no org before the start, not ready during it, and ready with its users after', async () => {
    const before = await baton('org', 'status', '--json', '--data-dir', dataDir);
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout)).toMatchObject({ code: 'LOCAL_ORG_NOT_RUNNING' });

    orgProcess = start();
    while (!existsSync(localAuthFile(dataDir))) await new Promise((r) => setTimeout(r, 20));
    // The seed, tiers, touchpoints, health and the preview build are still to come.
    expect(await localOrgStatus(dataDir)).toMatchObject({ ready: false, alias: null });

    const after = await readyStatus();
    const { instanceUrl } = readLocalAuth(dataDir);
    expect(after).toEqual({
      ready: true,
      instanceUrl,
      port: Number(new URL(instanceUrl).port),
      dataDir,
      alias: 'baton-local',
      users: expect.arrayContaining([
        expect.objectContaining({ name: 'Laura Lehtonen', persona: 'lead' }),
        expect.objectContaining({ username: 'baton.admin@baton.local', persona: 'admin' })
      ])
    });
    expect(after.users).toHaveLength(6);
  });

  it('gives each demo user a token the REST API accepts as that user, and only that user', async () => {
    logins = await Promise.all(DEMO_USERS.map(login));
    for (const [i, signedIn] of logins.entries()) {
      const info = await (await userinfo(signedIn.instanceUrl, signedIn.accessToken)).json();
      expect([DEMO_USERS[i], info.user_id, info.preferred_username]).toEqual([
        DEMO_USERS[i],
        signedIn.userId,
        signedIn.username
      ]);
    }
    const [seller, , lead, admin] = logins;
    const url = admin.instanceUrl;
    const adminSet = await (
      await api(
        url,
        admin.accessToken,
        "/query?q=SELECT+Id+FROM+PermissionSet+WHERE+Name='Baton_Admin'"
      )
    ).json();
    const post = (token: string) =>
      api(url, token, '/sobjects/PermissionSetAssignment', {
        method: 'POST',
        body: JSON.stringify({ AssigneeId: seller.userId, PermissionSetId: adminSet.records[0].Id })
      });
    expect((await post(seller.accessToken)).status).toBe(403);
    expect((await post(lead.accessToken)).status).toBe(403);

    // The CS lead reads the whole portfolio and edits none of what sellers and AMs own.
    const handovers = await (
      await api(url, lead.accessToken, '/query?q=SELECT+Id+FROM+Handover__c')
    ).json();
    expect(handovers.totalSize).toBeGreaterThan(0);
    const edit = await api(
      url,
      lead.accessToken,
      `/sobjects/Handover__c/${handovers.records[0].Id}`,
      { method: 'PATCH', body: JSON.stringify({ Risks__c: 'Lead was here' }) }
    );
    expect(edit.status).toBe(403);
  });

  it('signs in every browser that opens the login link; a seller cannot switch to the admin', async () => {
    const seller = logins[0];
    const cookies = [await browserSignIn(seller.loginUrl), await browserSignIn(seller.loginUrl)];
    for (const cookie of cookies) {
      const shell = await fetch(`${seller.instanceUrl}/lightning/o/Account/list`, {
        headers: { cookie }
      });
      expect(shell.status).toBe(200);
      expect(await shell.text()).toContain(`"userId":"${seller.userId}"`);
    }

    const switched = await fetch(`${seller.instanceUrl}/preview/persona`, {
      method: 'POST',
      headers: {
        cookie: cookies[0],
        'content-type': 'application/json',
        origin: seller.instanceUrl
      },
      body: JSON.stringify({ persona: 'admin' })
    });
    expect(switched.status).toBe(403);
    expect(switched.headers.get('set-cookie')).toBeNull();
  });

  it('keeps the data files to their owner, with no token or login code in them', async () => {
    const secrets = logins.flatMap((l) => [
      l.accessToken,
      new URL(l.loginUrl).searchParams.get('login')!
    ]);
    const files = ['org.sqlite', 'org.sqlite-wal', 'org.sqlite-shm'].map((f) => join(dataDir, f));
    for (const file of files) {
      expect([file, statSync(file).mode & 0o777]).toEqual([file, 0o600]);
      const bytes = readFileSync(file);
      expect(secrets.filter((secret) => bytes.includes(secret))).toEqual([]);
    }
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('refuses the old tokens and link after a restart; baton-local carries the new admin token', async () => {
    const [seller, admin] = [logins[0], logins[3]];
    await stop();
    orgProcess = start(Number(new URL(admin.instanceUrl).port));
    await readyStatus();

    for (const old of [seller, admin])
      expect((await userinfo(old.instanceUrl, old.accessToken)).status).toBe(401);
    expect((await fetch(seller.loginUrl, { redirect: 'manual' })).status).toBe(401);

    // No auth.json in this data dir or the working folder: the CLI reaches the org through the
    // sf alias alone, for org login as for any command's --target-org.
    const empty = mkdtempSync(join(tmpdir(), 'baton-signin-none-'));
    const [viaAlias, command] = await Promise.all([
      baton(
        ...['org', 'login', '--target-org', 'baton-local', '--user', 'admin', '--json'],
        ...['--data-dir', empty]
      ),
      baton('touchpoints', 'onboarding', '--target-org', 'baton-local', '--dry-run', '--json')
    ]);
    rmSync(empty, { recursive: true, force: true });
    expect([command.code, command.stderr]).toEqual([0, expect.any(String)]);
    expect(JSON.parse(command.stdout)).toMatchObject({ dryRun: true });
    expect(viaAlias.code).toBe(0);
    const fresh = JSON.parse(viaAlias.stdout) as LocalOrgLogin;
    expect(fresh.accessToken).not.toBe(admin.accessToken);
    expect((await userinfo(fresh.instanceUrl, fresh.accessToken)).status).toBe(200);
  });

  it('refuses a --target-org that is not the local org', async () => {
    // Made outside Jest's sandbox, where @salesforce/core's file locks work.
    const made = await new Promise<number>((done) =>
      execFile('node', ['-e', REMOTE_ALIAS], { env }, (error) => done(error ? 1 : 0))
    );
    expect(made).toBe(0);
    const refused = await baton('org', 'login', '--target-org', 'acme-prod', '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      code: 'NOT_LOCAL_ORG',
      message: expect.stringContaining('https://acme.my.salesforce.com, not the local org')
    });
  });
});
