import { apexMethod, refreshApex } from './apex';
import { getFieldDisplayValue, getFieldValue, type RecordRepresentation } from './uiRecordApi';

const record: RecordRepresentation = {
  id: '001A',
  apiName: 'Account',
  fields: {
    Name: { value: 'Kontrakti Oy', displayValue: null },
    MRR__c: { value: 2000, displayValue: '€2,000' },
    Account_Manager__r: {
      value: {
        id: '005A',
        apiName: 'User',
        fields: { Name: { value: 'Aino', displayValue: null } }
      },
      displayValue: null
    }
  }
};

describe('lightning/uiRecordApi stand-in', () => {
  it('reads fields by name, by schema import and through relationships', () => {
    expect(getFieldValue(record, 'Account.Name')).toBe('Kontrakti Oy');
    expect(getFieldValue(record, { objectApiName: 'Account', fieldApiName: 'MRR__c' })).toBe(2000);
    expect(getFieldDisplayValue(record, 'Account.MRR__c')).toBe('€2,000');
    expect(getFieldValue(record, 'Account.Account_Manager__r.Name')).toBe('Aino');
    expect(getFieldValue(record, 'Account.Missing__c')).toBeUndefined();
    expect(getFieldValue(undefined, 'Account.Name')).toBeUndefined();
  });
});

describe('@salesforce/apex stand-in', () => {
  const calls: { url: string; body: unknown }[] = [];
  beforeEach(() => {
    calls.length = 0;
    global.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), body: JSON.parse(String(init?.body)) });
      return new Response(JSON.stringify({ n: calls.length }), { status: 200 });
    }) as typeof fetch;
  });

  it('calls the org twin imperatively with the parameters as the JSON body', async () => {
    const getContext = apexMethod('HandoverController', 'getContext');
    await expect(getContext({ recordId: '001A' })).resolves.toEqual({ n: 1 });
    expect(calls).toEqual([
      { url: '/services/apexrest-local/HandoverController/getContext', body: { recordId: '001A' } }
    ]);
  });

  it('works as a wire adapter: empty value first, waits for every parameter, refreshApex re-calls', async () => {
    const Adapter = apexMethod('HealthController', 'getHealth');
    const values: { data: unknown; error: unknown }[] = [];
    const adapter = new Adapter((value) => values.push(value));
    adapter.update({ accountId: undefined });
    adapter.connect();
    expect(values).toEqual([{ data: undefined, error: undefined }]);
    expect(calls).toHaveLength(0);

    adapter.update({ accountId: '001A' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(values.at(-1)).toEqual({ data: { n: 1 }, error: undefined });
    await refreshApex(values.at(-1) as object);
    expect(values.at(-1)).toEqual({ data: { n: 2 }, error: undefined });
  });

  it('passes the org error body through as the component sees it in an org', async () => {
    global.fetch = jest.fn(
      async () =>
        new Response(JSON.stringify([{ errorCode: 'APEX_ERROR', message: 'Fit is required' }]), {
          status: 400,
          statusText: 'Bad Request'
        })
    ) as typeof fetch;
    await expect(apexMethod('HandoverController', 'submit')({})).rejects.toEqual({
      status: 400,
      statusText: 'Bad Request',
      body: [{ errorCode: 'APEX_ERROR', message: 'Fit is required' }]
    });
  });
});
