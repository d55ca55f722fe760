import { PROJECT_DIR } from './build';
import { readLabels } from './labels';

describe('readLabels', () => {
  it('reads every English Custom Label and its Finnish translation from force-app', () => {
    const table = readLabels(PROJECT_DIR);
    expect(table.en.Baton_Account_Manager).toBe('Account Manager');
    expect(table.fi.Baton_Account_Manager).toBe('Asiakkuuspäällikkö');
    expect(Object.keys(table.en).length).toBeGreaterThan(10);
  });

  it('gives an empty table for a project without labels', () => {
    expect(readLabels('/nonexistent')).toEqual({ en: {}, fi: {} });
  });
});
