import { bulkIngest } from '../org/bulk';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';

// SOSL through jsforce's conn.search and the parameterized search resource, answered from the
// org's full-text indexes, which every write path keeps current.
let t: TestOrg;

beforeAll(async () => {
  t = await startTestOrg({ twins: false });
  const acme = (await t.conn.sobject('Account').create({
    Name: 'Acme Widgets',
    Industry: 'Energy',
    Description: 'Builds wind turbines'
  })) as { id: string };
  await t.conn.sobject('Account').create({ Name: 'Globex', Phone: '(555) 123-4567' });
  await t.conn.sobject('Contact').create({
    LastName: 'Acmeson',
    AccountId: acme.id,
    Email: 'jo@globex.example'
  });
});
afterAll(() => t.close());

type Found = { attributes: { type: string }; Name?: string };
const found = async (sosl: string) =>
  ((await t.conn.search(sosl)).searchRecords as Found[]).map((r) => [r.attributes.type, r.Name]);

describe('SOSL search', () => {
  it('finds by name fields only, or by any text field', async () => {
    expect(
      await found('FIND {acme*} IN NAME FIELDS RETURNING Account(Name), Contact(Name)')
    ).toEqual([
      ['Account', 'Acme Widgets'],
      ['Contact', 'Acmeson']
    ]);
    expect(await found('FIND {turbines} IN NAME FIELDS RETURNING Account(Name)')).toEqual([]);
    expect(await found('FIND {turbines} IN ALL FIELDS RETURNING Account(Name)')).toEqual([
      ['Account', 'Acme Widgets']
    ]);
    expect(await found('FIND {globex} RETURNING Account(Name), Contact(Name)')).toEqual([
      ['Account', 'Globex'],
      ['Contact', 'Acmeson']
    ]);
    expect(await found('FIND {jo@globex.example} IN EMAIL FIELDS RETURNING Contact(Name)')).toEqual(
      [['Contact', 'Acmeson']]
    );
    expect(await found('FIND {555-123-4567} IN PHONE FIELDS RETURNING Account(Name)')).toEqual([
      ['Account', 'Globex']
    ]);
  });

  it('applies WHERE, ORDER BY and LIMIT inside RETURNING, and OR between terms', async () => {
    expect(
      await found("FIND {acme OR globex} RETURNING Account(Name WHERE Industry = 'Energy')")
    ).toEqual([['Account', 'Acme Widgets']]);
    expect(
      await found('FIND {acme OR globex} RETURNING Account(Name ORDER BY Name DESC LIMIT 1)')
    ).toEqual([['Account', 'Globex']]);
    const ids = await t.conn.search('FIND {acme OR globex}');
    expect(ids.searchRecords.length).toBe(3);
    expect(Object.keys(ids.searchRecords[0]).sort()).toEqual(['Id', 'attributes']);
  });

  it('ranks the best matches first when RETURNING has no ORDER BY', async () => {
    await t.conn.sobject('Account').create([
      {
        Name: 'Initrode',
        Description:
          'Logistics partner for many years; the zenith deal was one of dozens of projects on supply chains, warehousing and freight'
      },
      { Name: 'Zenith Zenith Oy' }
    ]);
    expect(await found('FIND {zenith} RETURNING Account(Name LIMIT 1)')).toEqual([
      ['Account', 'Zenith Zenith Oy']
    ]);
  });

  it('keeps the index current through updates, deletes, collections and Bulk', async () => {
    const { id } = (await t.conn.sobject('Account').create({ Name: 'Umbrella' })) as {
      id: string;
    };
    await t.conn.sobject('Account').update({ Id: id, Name: 'Tyrell' });
    expect(await found('FIND {umbrella} RETURNING Account(Name)')).toEqual([]);
    expect(await found('FIND {tyrell} RETURNING Account(Name)')).toEqual([['Account', 'Tyrell']]);
    await t.conn.sobject('Account').destroy(id);
    expect(await found('FIND {tyrell} RETURNING Account(Name)')).toEqual([]);
    await t.conn
      .sobject('Account')
      .create([{ Name: 'Cyberdyne One' }, { Name: 'Cyberdyne Two' }], { allOrNone: true });
    await bulkIngest(t.conn, 'Account', 'insert', [{ Name: 'Cyberdyne Bulk' }]);
    expect(await found('FIND {cyberdyne} RETURNING Account(Name ORDER BY Name)')).toEqual([
      ['Account', 'Cyberdyne Bulk'],
      ['Account', 'Cyberdyne One'],
      ['Account', 'Cyberdyne Two']
    ]);
  });

  it('answers the parameterized search resource by GET and POST', async () => {
    const byGet = (await t.conn.request(
      '/services/data/v62.0/parameterizedSearch?q=globex&sobject=Account&Account.fields=Id,Name&in=NAME'
    )) as { searchRecords: Found[] };
    expect(byGet.searchRecords.map((r) => r.Name)).toEqual(['Globex']);
    const byPost = (await t.conn.request({
      method: 'POST',
      url: '/services/data/v62.0/parameterizedSearch',
      body: JSON.stringify({
        q: 'acme*',
        in: 'ALL',
        sobjects: [{ name: 'Contact', fields: ['Name'] }]
      }),
      headers: { 'Content-Type': 'application/json' }
    })) as { searchRecords: Found[] };
    expect(byPost.searchRecords.map((r) => r.Name)).toEqual(['Acmeson']);
  });

  it('answers SOSL it cannot read with MALFORMED_SEARCH', async () => {
    for (const sosl of ['SELECT Id FROM Account', 'FIND {(acme}', 'FIND {acme OR}'])
      await expect(t.conn.search(sosl)).rejects.toMatchObject({ name: 'MALFORMED_SEARCH' });
  });
});
