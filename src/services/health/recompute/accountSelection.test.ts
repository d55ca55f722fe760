import { parseAccountIds, parseWhereClause, selectionFromFlags } from './accountSelection';

describe('account selection', () => {
  it('accepts 15- and 18-character Account Ids and removes duplicates', () => {
    expect(parseAccountIds('001000000000001, 001000000000001AAA 001000000000001')).toEqual([
      '001000000000001',
      '001000000000001AAA'
    ]);
  });

  it('names the bad Id', () => {
    expect(() => parseAccountIds('001000000000001,003000000000001')).toThrow(
      /"003000000000001" must be an Account Id/
    );
  });

  it('passes a plain condition on Account through the parser', () => {
    expect(parseWhereClause("Health_Status__c = 'Red' AND MRR__c > 1000")).toBe(
      "Health_Status__c = 'Red' AND MRR__c > 1000"
    );
    expect(parseWhereClause("Name = 'O\\'Brien Oy'")).toBe("Name = 'O\\'Brien Oy'");
  });

  it.each([
    ["Name = 'x' LIMIT 5", /remove: limit/],
    ["Name = 'x' ORDER BY Name", /remove: orderBy/],
    ["Name = 'x') OR (1=1", /not a valid SOQL condition/],
    ["Name = 'x'; DELETE FROM Account", /not a valid SOQL condition/],
    ['Id IN (SELECT AccountId FROM Case)', /subquery/],
    ["Name = 'x' OR Id IN (SELECT AccountId FROM Case)", /subquery/]
  ])('rejects anything beyond a condition: %s', (where, message) => {
    expect(() => parseWhereClause(where)).toThrow(message);
  });

  it('refuses --accounts together with --where', () => {
    expect(() => selectionFromFlags({ accounts: '001000000000001', where: "Name = 'x'" })).toThrow(
      /either --accounts or --where/
    );
    expect(selectionFromFlags({})).toEqual({ kind: 'all' });
  });
});
