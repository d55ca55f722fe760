import { isSalesforceId, salesforceIdSchema, sameSalesforceId, to18 } from './ids';

describe('Salesforce Ids', () => {
  it('takes 15 or 18 letters and digits, nothing else', () => {
    expect(isSalesforceId('001000000000001')).toBe(true);
    expect(isSalesforceId('001000000000001AAA')).toBe(true);
    for (const bad of ['001', '0010000000000011', '001000000000001AA', '00100000000000!', 7])
      expect(isSalesforceId(bad)).toBe(false);
  });

  it('says one thing when a value is not an Id', () => {
    const result = salesforceIdSchema().safeParse('nope');
    expect(result.success || result.error.issues[0].message).toBe(
      'must be a 15 or 18 character Salesforce Id'
    );
  });

  it('compares the 15 and 18 character forms of one Id as the same', () => {
    expect(sameSalesforceId('001AbC000000001', to18('001AbC000000001'))).toBe(true);
    expect(sameSalesforceId('001abc000000001', '001ABC000000001')).toBe(false);
    expect(to18('001000000000001XYZ')).toBeUndefined();
  });
});
