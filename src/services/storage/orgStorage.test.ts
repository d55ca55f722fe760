import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BATON_OBJECTS, formatStorage } from './orgStorage';

describe('orgStorage', () => {
  it('counts every custom object Baton ships (custom metadata takes no data storage)', () => {
    const objects = readdirSync(join(__dirname, '../../../force-app/main/default/objects'))
      .filter((name) => name.endsWith('__c'))
      .sort();
    expect([...BATON_OBJECTS]).toEqual(objects);
  });

  it('says the share is unknown when the org does not report DataStorageMB', () => {
    const text = formatStorage({
      objects: [{ object: 'Health_Snapshot__c', records: 512, megabytes: 1 }],
      records: 512,
      megabytes: 1,
      dataStorageMegabytes: null,
      share: null
    });
    expect(text).toMatch(
      /^Baton's records: 512 \(1 MB at 2 KB a record\), share of the org's data storage unknown/
    );
  });
});
