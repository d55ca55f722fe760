import { firstValueView, suggestionReason } from '../cadenceView';

// The card as an English user of the euro org reads it: money and days in the user's locale
// (@salesforce/i18n), never one hard-coded locale or ISO dates.
jest.mock('@salesforce/i18n/locale', () => ({ default: 'en-US' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'EUR' }), { virtual: true });
jest.mock(
  '@salesforce/label/c.Baton_Tier_Card_Reason',
  () => ({ default: 'ARR {0}, growth potential {1}' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Baton_Tier_Card_Time_To_Value',
  () => ({ default: '{0}, {1} days after onboarding started' }),
  {
    virtual: true
  }
);

const normalSpaces = (text) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('c-tier-cadence-card view in en-US', () => {
  it('writes the ARR in the org currency as the user writes money', () => {
    expect(normalSpaces(suggestionReason({ mrr: 943, potential: 'High' }))).toBe(
      'ARR €11,316, growth potential High'
    );
  });

  it('writes the first value day as the user writes dates', () => {
    const cadence = { serverDate: '2026-12-07' };
    expect(firstValueView({ firstValueAt: '2026-06-14' }, cadence).firstValue).toBe('Jun 14, 2026');
    expect(
      firstValueView({ onboardingStarted: '2026-04-30', firstValueAt: '2026-06-14' }, cadence)
        .firstValue
    ).toBe('Jun 14, 2026, 45 days after onboarding started');
  });
});
