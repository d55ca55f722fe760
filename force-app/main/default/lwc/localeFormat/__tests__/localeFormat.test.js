import { exampleDate, format, formatCurrency, formatDate } from 'c/localeFormat';

describe('c-locale-format', () => {
  it('fills a label as Salesforce does', () => {
    expect(format('Add at least {0} secondary contacts, one per line.', 2)).toBe(
      'Add at least 2 secondary contacts, one per line.'
    );
  });

  it('writes days, money and the date hint the Finnish way for a Finnish user', () => {
    expect(formatDate('2026-12-01', 'fi-FI')).toBe('1.12.2026');
    expect(exampleDate('fi-FI')).toBe('31.12.2026');
    expect(formatCurrency(24000, 'fi-FI', 'EUR').replace(/\s/g, ' ')).toBe('24 000,00 €');
  });

  it("follows the user's locale and the org's currency by default", () => {
    // sfdx-lwc-jest answers @salesforce/i18n with en-US and USD.
    expect(formatDate('2026-12-01')).toBe('Dec 1, 2026');
    expect(exampleDate()).toBe('Dec 31, 2026');
    expect(formatCurrency(24000)).toBe('$24,000.00');
    expect(formatCurrency(null)).toBe('');
  });
});
