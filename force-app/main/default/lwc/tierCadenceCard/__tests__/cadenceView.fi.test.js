import { firstValueView, suggestionReason } from '../cadenceView';

// The card as a Finnish user of the euro org reads it: money and days in the user's locale
// (@salesforce/i18n), never one hard-coded locale or ISO dates.
jest.mock('@salesforce/i18n/locale', () => ({ default: 'fi-FI' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'EUR' }), { virtual: true });
jest.mock(
  '@salesforce/label/c.Baton_Tier_Card_Reason',
  () => ({ default: 'ARR {0}, kasvupotentiaali {1}' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Baton_Tier_Card_Time_To_Value',
  () => ({ default: '{0}, {1} päivää perehdytyksen alusta' }),
  {
    virtual: true
  }
);

const normalSpaces = (text) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('c-tier-cadence-card view in fi-FI', () => {
  it('writes the ARR in the org currency as the user writes money', () => {
    expect(normalSpaces(suggestionReason({ mrr: 943, potential: 'Suuri' }))).toBe(
      'ARR 11 316 €, kasvupotentiaali Suuri'
    );
  });

  it('writes the first value day as the user writes dates', () => {
    const cadence = { serverDate: '2026-12-07' };
    expect(firstValueView({ firstValueAt: '2026-06-14' }, cadence).firstValue).toBe('14.6.2026');
    expect(
      firstValueView({ onboardingStarted: '2026-04-30', firstValueAt: '2026-06-14' }, cadence)
        .firstValue
    ).toBe('14.6.2026, 45 päivää perehdytyksen alusta');
  });
});
