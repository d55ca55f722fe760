import {
  exampleDate,
  format,
  formatAmount,
  formatCurrency,
  formatDate,
  formatMoney,
  parseAmount,
  parseDate
} from 'c/localeFormat';

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

describe('c-locale-format amounts', () => {
  it('reads an amount as the Finnish user writes it, with any space between thousands', () => {
    expect(parseAmount('27 696,50', 'fi-FI')).toEqual({ value: 27696.5 });
    expect(parseAmount('27\u00a0696,5', 'fi-FI')).toEqual({ value: 27696.5 });
    expect(parseAmount('27696,5', 'fi-FI')).toEqual({ value: 27696.5 });
    expect(parseAmount('27696.5', 'fi-FI')).toEqual({ value: 27696.5 });
    expect(parseAmount('24 000 €', 'fi-FI')).toEqual({ value: 24000 });
    expect(formatAmount(27696.5, 'fi-FI').replace(/\s/g, ' ')).toBe('27 696,50');
  });

  it('refuses what one locale would read otherwise than the other meant, never guessing', () => {
    // English reads a comma as thousands: 27696,5 would become 276965.
    expect(parseAmount('27696,5', 'en-US')).toEqual({ error: true });
    expect(parseAmount('27,696.50', 'en-US')).toEqual({ value: 27696.5 });
    expect(parseAmount('1,234', 'en-US')).toEqual({ value: 1234 });
    // A Finnish "27.696" could be 27 696 or 27,696.
    expect(parseAmount('27.696', 'fi-FI')).toEqual({ error: true });
    expect(parseAmount('27,696.50', 'fi-FI')).toEqual({ error: true });
    expect(parseAmount('1.234,50', 'fi-FI')).toEqual({ error: true });
    expect(parseAmount('12,3456', 'fi-FI')).toEqual({ error: true });
    expect(parseAmount('  ', 'en-US')).toEqual({ value: null });
  });
});

describe('c-locale-format dates', () => {
  const today = new Date(2026, 11, 7);
  const read = (text, locale) => parseDate(text, locale, today);

  it('reads a date as a Finnish user types it, and ISO', () => {
    for (const typed of [
      '7.12.2026',
      '07.12.2026',
      '7.12.',
      '7.12',
      ' 7. 12. 2026 ',
      '2026-12-07'
    ]) {
      expect(read(typed, 'fi-FI')).toEqual({ value: '2026-12-07' });
    }
    expect(read('7. joulukuuta 2026', 'fi-FI')).toEqual({ value: '2026-12-07' });
    expect(read(formatDate('2026-12-08', 'fi-FI'), 'fi-FI')).toEqual({ value: '2026-12-08' });
  });

  it('reads a date as an English user types it, and ISO', () => {
    for (const typed of [
      '12/7/2026',
      '12/07/2026',
      'Dec 7, 2026',
      'December 7 2026',
      '2026-12-07'
    ]) {
      expect(read(typed, 'en-US')).toEqual({ value: '2026-12-07' });
    }
    expect(read(formatDate('2026-12-08', 'en-US'), 'en-US')).toEqual({ value: '2026-12-08' });
  });

  it("refuses another locale's order, a day the month lacks and a two-digit year", () => {
    // 7.12.2026 would be 12 July to an English reader, 12/7/2026 7 December to a Finnish one.
    expect(read('7.12.2026', 'en-US')).toEqual({ error: true });
    expect(read('12/7/2026', 'fi-FI')).toEqual({ error: true });
    expect(read('31.2.2026', 'fi-FI')).toEqual({ error: true });
    expect(read('31/31/2026', 'fi-FI')).toEqual({ error: true });
    expect(read('7.12.26', 'fi-FI')).toEqual({ error: true });
    expect(read('Dec 7, 26', 'en-US')).toEqual({ error: true });
    expect(read('2026-13-01', 'en-US')).toEqual({ error: true });
    expect(read('soon', 'en-US')).toEqual({ error: true });
    expect(read('  ', 'fi-FI')).toEqual({ value: null });
  });
});

describe('c-locale-format money', () => {
  it("writes whole units of the org's currency in the user's locale", () => {
    expect(formatMoney(11316.4, 'fi-FI', 'EUR').replace(/\s/g, ' ')).toBe('11 316 €');
    expect(formatMoney(11316.4, 'en-US', 'EUR')).toBe('€11,316');
    expect(formatMoney(null)).toBe('');
  });
});
