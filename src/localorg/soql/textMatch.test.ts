import { startTestOrg, type TestOrg } from '../../testkit/testOrg';

// SOQL text matching as Salesforce does it, through the REST query API of a started org.
let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg({ twins: false });
  const names = [
    'Ärrä Oy',
    'ärrä Ab',
    'Öljy Oy',
    'Åland Ab',
    '50% Oy',
    '50x Oy',
    'a_b Oy',
    'axb Oy'
  ];
  await t.conn
    .sobject('Account')
    .create(names.map((Name) => ({ Name, Description: 'text match' })));
});
afterAll(() => t.close());

const names = async (where: string) =>
  (
    await t.conn.query<{ Name: string }>(
      `SELECT Name FROM Account WHERE Description = 'text match' AND ${where}`
    )
  ).records
    .map((r) => r.Name)
    .sort();

describe('SOQL text matching', () => {
  it('reads \\% and \\_ in LIKE as a literal percent sign and underscore', async () => {
    expect(await names("Name LIKE '50\\%%'")).toEqual(['50% Oy']);
    expect(await names("Name LIKE 'a\\_b%'")).toEqual(['a_b Oy']);
    expect(await names("Name LIKE '50_ Oy'")).toEqual(['50% Oy', '50x Oy']);
  });

  it('ignores case in every alphabet: Ä, Ö and Å as A', async () => {
    expect(await names("Name LIKE 'ärrä%'")).toEqual(['Ärrä Oy', 'ärrä Ab']);
    expect(await names("Name = 'ÖLJY OY'")).toEqual(['Öljy Oy']);
    expect(await names("Name IN ('åland ab', 'ärrä oy')")).toEqual(['Ärrä Oy', 'Åland Ab']);
    expect(await names("Name != 'ärrä ab' AND Name LIKE '%r%'")).toEqual(['Ärrä Oy']);
  });
});
