import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';

// SOQL that real code sends, through jsforce against a started local org, answered as Salesforce
// answers it.
const PROJECT = join(__dirname, '..', '..');

/** A picklist whose labels differ from its values, so toLabel() has something to translate. */
const RATING_FIELD = `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Rating__c</fullName>
    <label>Rating</label>
    <type>Picklist</type>
    <valueSet>
        <valueSetDefinition>
            <value><fullName>Hot</fullName><default>false</default><label>Hot lead</label></value>
            <value><fullName>Cold</fullName><default>false</default><label>Cold lead</label></value>
        </valueSetDefinition>
    </valueSet>
</CustomField>
`;

let t: TestOrg;
let project: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'baton-soql-project-'));
  cpSync(join(PROJECT, 'force-app'), join(project, 'force-app'), { recursive: true });
  cpSync(join(PROJECT, 'sfdx-project.json'), join(project, 'sfdx-project.json'));
  writeFileSync(
    join(project, 'force-app/main/default/objects/Account/fields/Rating__c.field-meta.xml'),
    RATING_FIELD
  );
  t = await startTestOrg({ projectDir: project, twins: false });
  const create = async (type: string, fields: Record<string, unknown>) =>
    ((await t.conn.sobject(type).create(fields)) as { id: string }).id;
  ids.acme = await create('Account', { Name: 'Acme', Industry: 'Energy', Rating__c: 'Hot' });
  ids.globex = await create('Account', { Name: 'Globex', Industry: 'Energy', Rating__c: 'Cold' });
  ids.initech = await create('Account', { Name: 'Initech', Industry: 'Software' });
  await create('Contact', { LastName: 'Lee', AccountId: ids.acme });
  await create('Contact', { LastName: 'Ng', AccountId: ids.acme });
  await create('Contact', { LastName: 'Orphan' });
  ids.opportunity = await create('Opportunity', {
    Name: 'Acme renewal',
    AccountId: ids.acme,
    StageName: 'Prospecting',
    CloseDate: '2025-02-14'
  });
  await create('Opportunity', {
    Name: 'Globex upsell',
    AccountId: ids.globex,
    StageName: 'Prospecting',
    CloseDate: '2025-05-03'
  });
  await create('Opportunity', {
    Name: 'Initech pilot',
    AccountId: ids.initech,
    StageName: 'Prospecting',
    CloseDate: '2024-11-30'
  });
  await create('Case', {
    Subject: 'Late night',
    AccountId: ids.acme,
    ClosedDate: '2025-02-14T23:30:00.000Z'
  });
  await create('Task', { Subject: 'Call Acme', WhatId: ids.acme, Status: 'Not Started' });
  await create('Task', {
    Subject: 'Chase renewal',
    WhatId: ids.opportunity,
    Status: 'Not Started'
  });
  await create('Task', { Subject: 'Loose end', Status: 'Not Started' });
});
afterAll(async () => {
  await t.close();
  rmSync(project, { recursive: true, force: true });
});

const names = async (soql: string) =>
  (await t.conn.query<{ Name: string }>(soql)).records.map((r) => r.Name);

const errorOf = (promise: PromiseLike<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the query to fail');
    },
    (error: Error & { errorCode?: string }) => error
  );

describe('SOQL as real code writes it', () => {
  it('filters by a semi-join and an anti-join', async () => {
    expect(
      await names(
        'SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact) ORDER BY Name'
      )
    ).toEqual(['Acme']);
    expect(
      await names(
        'SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact) ORDER BY Name'
      )
    ).toEqual(['Globex', 'Initech']);
    expect(
      await names(
        "SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity WHERE CloseDate > 2025-01-01) AND Industry = 'Energy' ORDER BY Name"
      )
    ).toEqual(['Acme', 'Globex']);
  });

  it('keeps the groups HAVING allows', async () => {
    const result = await t.conn.query(
      'SELECT Industry, COUNT(Id) n FROM Account GROUP BY Industry HAVING COUNT(Id) > 1'
    );
    expect(result.records).toEqual([
      { attributes: { type: 'AggregateResult' }, Industry: 'Energy', n: 2 }
    ]);
  });

  it('expands FIELDS(STANDARD|CUSTOM|ALL), and asks ALL and CUSTOM for a LIMIT of at most 200', async () => {
    const [standard] = (
      await t.conn.query(`SELECT FIELDS(STANDARD) FROM Account WHERE Id = '${ids.acme}'`)
    ).records as Record<string, unknown>[];
    expect(standard).toMatchObject({ Id: ids.acme, Name: 'Acme', Industry: 'Energy' });
    expect(standard).not.toHaveProperty('Rating__c');
    const [custom] = (
      await t.conn.query(`SELECT FIELDS(CUSTOM) FROM Account WHERE Id = '${ids.acme}' LIMIT 200`)
    ).records as Record<string, unknown>[];
    expect(custom).toHaveProperty('Rating__c', 'Hot');
    expect(custom).not.toHaveProperty('Name');
    const [all] = (
      await t.conn.query(`SELECT FIELDS(ALL) FROM Account WHERE Id = '${ids.acme}' LIMIT 1`)
    ).records as Record<string, unknown>[];
    expect(all).toMatchObject({ Name: 'Acme', Rating__c: 'Hot' });
    const [parent] = (
      await t.conn.query(
        `SELECT Name, (SELECT FIELDS(ALL) FROM Contacts ORDER BY LastName LIMIT 200) FROM Account WHERE Id = '${ids.acme}'`
      )
    ).records as { Contacts: { records: Record<string, unknown>[] } }[];
    expect(parent.Contacts.records.map((c) => c.LastName)).toEqual(['Lee', 'Ng']);
    for (const soql of [
      'SELECT FIELDS(ALL) FROM Account',
      'SELECT Name, (SELECT FIELDS(ALL) FROM Contacts) FROM Account LIMIT 10',
      'SELECT FIELDS(CUSTOM) FROM Account LIMIT 201'
    ])
      expect((await errorOf(t.conn.query(soql))).name).toBe('MALFORMED_QUERY');
  });

  it('answers toLabel() with the picklist labels', async () => {
    const result = await t.conn.query<{ Rating__c: string }>(
      "SELECT toLabel(Rating__c) FROM Account WHERE Industry = 'Energy' ORDER BY Name"
    );
    expect(result.records.map((r) => r.Rating__c)).toEqual(['Hot lead', 'Cold lead']);
  });

  it('groups and filters by date functions', async () => {
    const byYear = await t.conn.query(
      'SELECT CALENDAR_YEAR(CloseDate), COUNT(Id) FROM Opportunity GROUP BY CALENDAR_YEAR(CloseDate) ORDER BY CALENDAR_YEAR(CloseDate)'
    );
    expect(byYear.records.map((r) => [r.expr0, r.expr1])).toEqual([
      [2024, 1],
      [2025, 2]
    ]);
    const byQuarter = await t.conn.query(
      'SELECT CALENDAR_QUARTER(CloseDate) q, FISCAL_YEAR(CloseDate) fy, COUNT(Id) n FROM Opportunity WHERE CALENDAR_YEAR(CloseDate) = 2025 GROUP BY CALENDAR_QUARTER(CloseDate), FISCAL_YEAR(CloseDate) ORDER BY CALENDAR_QUARTER(CloseDate)'
    );
    expect(byQuarter.records.map((r) => [r.q, r.fy, r.n])).toEqual([
      [1, 2025, 1],
      [2, 2025, 1]
    ]);
    expect(
      await names(
        'SELECT Name FROM Opportunity WHERE CALENDAR_MONTH(CloseDate) = 2 AND DAY_IN_MONTH(CloseDate) = 14 AND WEEK_IN_YEAR(CloseDate) = 7'
      )
    ).toEqual(['Acme renewal']);
    const closed = await t.conn.query(
      'SELECT DAY_ONLY(ClosedDate) day, COUNT(Id) n FROM Case WHERE DAY_ONLY(ClosedDate) = 2025-02-14 GROUP BY DAY_ONLY(ClosedDate)'
    );
    expect(closed.records.map((r) => [r.day, r.n])).toEqual([['2025-02-14', 1]]);
  });

  it('reads a polymorphic parent through What.Name and What.Type', async () => {
    const result = await t.conn.query<{ Subject: string; What: Record<string, unknown> | null }>(
      'SELECT Subject, What.Name, What.Type FROM Task ORDER BY Subject'
    );
    expect(
      result.records.map((r) => [r.Subject, r.What?.Name ?? null, r.What?.Type ?? null])
    ).toEqual([
      ['Call Acme', 'Acme', 'Account'],
      ['Chase renewal', 'Acme renewal', 'Opportunity'],
      ['Loose end', null, null]
    ]);
    expect(result.records[0].What).toMatchObject({
      attributes: { type: 'Name', url: `/services/data/v62.0/sobjects/Account/${ids.acme}` }
    });
  });

  it('shapes each polymorphic parent by its own object with TYPEOF', async () => {
    const result = await t.conn.query<{ Subject: string; What: Record<string, unknown> | null }>(
      'SELECT Subject, TYPEOF What WHEN Account THEN Name, Industry WHEN Opportunity THEN Name, CloseDate ELSE Name END FROM Task ORDER BY Subject'
    );
    expect(result.records.map((r) => r.What)).toEqual([
      {
        attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${ids.acme}` },
        Name: 'Acme',
        Industry: 'Energy'
      },
      {
        attributes: {
          type: 'Opportunity',
          url: `/services/data/v62.0/sobjects/Opportunity/${ids.opportunity}`
        },
        Name: 'Acme renewal',
        CloseDate: '2025-02-14'
      },
      null
    ]);
  });

  it('refuses TYPEOF in a Bulk API 2.0 query job, as Bulk API 2.0 does', async () => {
    const error = await errorOf(
      t.conn.request({
        method: 'POST',
        url: '/services/data/v62.0/jobs/query',
        body: JSON.stringify({
          operation: 'query',
          query: 'SELECT Subject, TYPEOF What WHEN Account THEN Name END FROM Task'
        }),
        headers: { 'Content-Type': 'application/json' }
      })
    );
    expect(error.name).toBe('INVALIDJOB');
  });

  it('names the clause it does not support', async () => {
    for (const [soql, clause] of [
      ['SELECT Industry, COUNT(Id) FROM Account GROUP BY ROLLUP(Industry)', 'ROLLUP'],
      ['SELECT FORMAT(AnnualRevenue) FROM Account', 'FORMAT'],
      ['SELECT Id FROM Account FOR VIEW', 'FOR'],
      ['SELECT Id FROM Account UPDATE TRACKING', 'UPDATE']
    ]) {
      const error = await errorOf(t.conn.query(soql));
      expect([error.name, error.message]).toEqual([
        'MALFORMED_QUERY',
        expect.stringMatching(new RegExp(`${clause}.*not supported by the local org`))
      ]);
    }
  });

  it('answers an unknown object with 400 INVALID_TYPE', async () => {
    const error = await errorOf(
      t.conn.request('/services/data/v62.0/query?q=SELECT+Id+FROM+Nothing__c')
    );
    expect(error.name).toBe('INVALID_TYPE');
    const response = await fetch(
      `${t.org.instanceUrl}/services/data/v62.0/query?q=SELECT+Id+FROM+Nothing__c`,
      {
        headers: { Authorization: `Bearer ${t.org.accessToken}` }
      }
    );
    expect(response.status).toBe(400);
  });

  it("answers WHERE Id = 'garbage' with 400 INVALID_QUERY_FILTER_OPERATOR", async () => {
    const response = await fetch(
      `${t.org.instanceUrl}/services/data/v62.0/query?q=${encodeURIComponent("SELECT Id FROM Account WHERE Id = 'garbage'")}`,
      { headers: { Authorization: `Bearer ${t.org.accessToken}` } }
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errorCode: string }[])[0].errorCode).toBe(
      'INVALID_QUERY_FILTER_OPERATOR'
    );
  });

  it('gives nextRecordsUrl as a relative path that jsforce follows', async () => {
    await t.conn.sobject('Contact').create(
      Array.from({ length: 2100 }, (_, i) => ({ LastName: `Paged ${i}` })),
      { allowRecursive: true }
    );
    const first = (await t.conn.request(
      `/services/data/v62.0/query?q=${encodeURIComponent("SELECT Id FROM Contact WHERE LastName LIKE 'Paged %'")}`
    )) as { nextRecordsUrl: string };
    expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/[\w-]+$/);
    const all = await t.conn.query("SELECT Id FROM Contact WHERE LastName LIKE 'Paged %'", {
      autoFetch: true,
      maxFetch: 5000
    });
    expect(all.records).toHaveLength(2100);
  });
});
