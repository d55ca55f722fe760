import { parseCsv, toCsv } from './csv';
import { mapRows } from './csvRows';
import { surveyRowSchema, usageRowSchema } from './rowSchemas';

describe('parseCsv', () => {
  it('reads quoted commas, quotes and line breaks, and numbers records by their first line', () => {
    const text = '\ufeffa,b\r\n1,"x, ""y"""\r\n\r\n2,"multi\nline"\n3,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, values: ['a', 'b'] },
      { line: 2, values: ['1', 'x, "y"'] },
      { line: 4, values: ['2', 'multi\nline'] },
      { line: 6, values: ['3', ''] }
    ]);
  });

  it('round-trips what toCsv writes', () => {
    const rows = [
      ['row', 'comment'],
      ['2', 'said "hi", left\nearly']
    ];
    expect(parseCsv(toCsv(rows)).map((record) => record.values)).toEqual(rows);
  });
});

describe('mapRows', () => {
  const columns = ['account_id', 'type', 'score', 'responded_on'];
  it('maps headers case- and punctuation-insensitively, through the mapping, with constants', () => {
    const records = parseCsv('Account ID,Rating,Date\n001000000000001AAA,9,2026-01-05\n');
    const { rows } = mapRows(records, columns, ['type', 'score', 'responded_on'], {
      columns: { score: 'Rating', responded_on: 'Date' },
      values: { type: 'NPS' }
    });
    expect(rows[0]).toMatchObject({
      line: 2,
      values: {
        account_id: '001000000000001AAA',
        type: 'NPS',
        score: '9',
        responded_on: '2026-01-05'
      }
    });
  });

  it('refuses a file without a required column, naming it', () => {
    const records = parseCsv('account_id,type\n001000000000001AAA,NPS\n');
    expect(() => mapRows(records, columns, ['type', 'score'], { columns: {}, values: {} })).toThrow(
      /no "score" column/
    );
  });
});

describe('row schemas', () => {
  const survey = {
    account_external_id: 'ACME-1',
    type: 'nps',
    score: '10',
    responded_on: '5.1.2026',
    channel: 'email'
  };

  it('normalises type, channel and Finnish dates', () => {
    expect(surveyRowSchema.parse(survey)).toMatchObject({
      type: 'NPS',
      channel: 'Email',
      responded_on: '2026-01-05',
      score: 10
    });
  });

  it.each([
    [{ score: '11' }, /NPS scores run 0–10, got 11/],
    [{ type: 'CSAT', score: '0' }, /CSAT scores run 1–5/],
    [{ responded_on: '2026-02-30' }, /not a date/],
    [{ responded_on: '2026-01-32' }, /not a date/],
    [{ channel: 'Fax' }, /channel must be one of/],
    [{ account_external_id: '' }, /name the account/]
  ])('rejects %p', (change, message) => {
    const parsed = surveyRowSchema.safeParse({ ...survey, ...change });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(message);
  });

  it('requires whole non-negative usage counts', () => {
    const usage = {
      account_id: '001000000000001AAA',
      period_end: '2026-01-31',
      active_users: '-1'
    };
    expect(usageRowSchema.safeParse(usage).success).toBe(false);
    expect(usageRowSchema.parse({ ...usage, active_users: '4' }).active_users).toBe(4);
  });
});
