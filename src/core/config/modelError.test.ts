import { z } from 'zod';
import { parseMdtRows } from './modelError';

describe('parseMdtRows', () => {
  const schema = z.object({ DeveloperName: z.string(), Weight__c: z.number().min(0) });

  it('names the type, the record and the field of the first invalid row', () => {
    const rows = [
      { DeveloperName: 'NPS', Weight__c: 1 },
      { DeveloperName: 'CES', Weight__c: -1 }
    ];
    expect(() => parseMdtRows('Health_Measure__mdt', schema, rows)).toThrow(
      expect.objectContaining({
        code: 'INVALID_MODEL',
        message: 'Health_Measure__mdt.CES: Weight__c: Number must be greater than or equal to 0',
        field: 'Health_Measure__mdt.CES.Weight__c'
      })
    );
  });

  it('shows the value it held when asked, and the row place when it has no name', () => {
    expect(() => parseMdtRows('Value_Band__mdt', schema, [{ Weight__c: 'x' }], true)).toThrow(
      'Value_Band__mdt.#1: DeveloperName: Required'
    );
    expect(() =>
      parseMdtRows('Value_Band__mdt', schema, [{ DeveloperName: 'V', Weight__c: 'x' }], true)
    ).toThrow('Value_Band__mdt.V: Weight__c: Expected number, received string (got "x")');
  });
});
