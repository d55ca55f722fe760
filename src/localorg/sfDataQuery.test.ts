import { signInSf, type SfSession } from '../testkit/sfCli';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';

// `sf data query` and `sf data search` from the pinned @salesforce/cli, as a user runs them
// against a started local org. The CLI asks `/query?columns=true` for the columns of every
// query that returns rows, and lays out its table, CSV and JSON from them.
jest.setTimeout(120_000);

let t: TestOrg;
let sf: SfSession;

beforeAll(async () => {
  t = await startTestOrg({ twins: false });
  const create = async (type: string, fields: Record<string, unknown>) =>
    ((await t.conn.sobject(type).create(fields)) as { id: string }).id;
  const acme = await create('Account', { Name: 'Acme', Industry: 'Energy' });
  await create('Account', { Name: 'Globex', Industry: 'Energy' });
  await create('Account', { Name: 'Initech', Industry: 'Software' });
  await create('Contact', { LastName: 'Lee', AccountId: acme, Email: 'lee@acme.example' });
  await create('Contact', { LastName: 'Ng', AccountId: acme });
  await t.conn.sobject('Account').destroy(await create('Account', { Name: 'Gone Oy' }));
  sf = await signInSf(t.org);
});
afterAll(async () => {
  sf?.dispose();
  await t.close();
});

const query = (soql: string, ...flags: string[]) =>
  sf.run(['data', 'query', '--query', soql, '--target-org', sf.alias, ...flags]);

describe('sf data query against the local org', () => {
  it('prints a table', async () => {
    const run = await query(
      "SELECT Name, Industry FROM Account WHERE Industry = 'Energy' ORDER BY Name"
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/NAME[\s│|]+INDUSTRY/);
    expect(run.stdout).toMatch(/Acme[\s│|]+Energy/);
    expect(run.stdout).toContain('Total number of records retrieved: 2.');
  });

  it('answers --json with the records', async () => {
    const run = await sf.json<{ records: { Name: string }[]; totalSize: number }>([
      'data',
      'query',
      '--query',
      'SELECT Name FROM Account ORDER BY Name',
      '--target-org',
      sf.alias
    ]);
    expect(run.status).toBe(0);
    expect(run.result.records.map((r) => r.Name)).toEqual(['Acme', 'Globex', 'Initech']);
  });

  it('writes CSV with parent relationship fields as dotted columns', async () => {
    const run = await query(
      'SELECT LastName, Email, Account.Name FROM Contact ORDER BY LastName',
      '--result-format',
      'csv'
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      'LastName,Email,Account.Name',
      'Lee,lee@acme.example,Acme',
      'Ng,,Acme'
    ]);
  });

  it('lays out aggregates under their expression, or their alias', async () => {
    const csv = await query(
      'SELECT Industry, COUNT(Id), MAX(Name) FROM Account GROUP BY Industry ORDER BY Industry',
      '--result-format',
      'csv'
    );
    expect(csv.exitCode).toBe(0);
    expect(csv.stdout.trim().split('\n')).toEqual([
      'Industry,COUNT(Id),MAX(Name)',
      'Energy,2,Globex',
      'Software,1,Initech'
    ]);
    const table = await query(
      'SELECT Industry, COUNT(Id) accounts FROM Account GROUP BY Industry ORDER BY Industry'
    );
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toMatch(/INDUSTRY[\s│|]+ACCOUNTS/);
    expect(table.stdout).toMatch(/Software[\s│|]+1/);
  });

  it('shows child subquery rows', async () => {
    const run = await query(
      "SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account WHERE Name = 'Acme'"
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/Acme[\s\S]*Lee[\s\S]*Ng/);
  });

  it('reads deleted records with --all-rows (queryAll)', async () => {
    const soql = 'SELECT Name FROM Account WHERE IsDeleted = true';
    const run = await query(soql, '--all-rows', '--result-format', 'csv');
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(['Name', 'Gone Oy']);
    expect((await query(soql, '--result-format', 'csv')).stdout).not.toContain('Gone Oy');
  });
});

describe('columns=true', () => {
  it('describes the columns as Salesforce does, without running the query', async () => {
    const describe = (q: string) =>
      t.conn.request<{ columnMetadata: Record<string, unknown>[] }>(
        `/services/data/v62.0/query?q=${encodeURIComponent(q)}&columns=true`
      );
    const { columnMetadata } = await describe(
      'SELECT Name, Owner.Name, (SELECT LastName FROM Contacts) FROM Account'
    );
    expect(columnMetadata.map((c) => [c.columnName, c.aggregate, c.foreignKeyName])).toEqual([
      ['Name', false, null],
      ['Owner', false, 'OwnerId'],
      ['Contacts', true, null]
    ]);
    expect(columnMetadata[1].joinColumns).toEqual([
      expect.objectContaining({ columnName: 'Name', apexType: 'String', textType: true })
    ]);
    expect(columnMetadata[2].joinColumns).toEqual([
      expect.objectContaining({ columnName: 'LastName', insertable: true, updatable: true })
    ]);
    const aggregate = await describe('SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry');
    expect(aggregate.columnMetadata[1]).toMatchObject({
      aggregate: true,
      columnName: 'expr0',
      displayName: 'COUNT(Id)',
      numberType: true
    });
  });
});

describe('sf data search against the local org', () => {
  it('finds records by name and by any text field', async () => {
    const run = await sf.json<{ searchRecords: { attributes: { type: string }; Name: string }[] }>([
      'data',
      'search',
      '--query',
      'FIND {acme*} RETURNING Account(Name), Contact(Name ORDER BY Name)',
      '--target-org',
      sf.alias
    ]);
    expect(run.status).toBe(0);
    expect(run.result.searchRecords.map((r) => [r.attributes.type, r.Name])).toEqual([
      ['Account', 'Acme'],
      ['Contact', 'Lee']
    ]);
    const table = await sf.run([
      'data',
      'search',
      '--query',
      'FIND {Globex} IN NAME FIELDS RETURNING Account(Name, Industry)',
      '--target-org',
      sf.alias
    ]);
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toMatch(/Globex[\s│|]+Energy/);
  });
});
