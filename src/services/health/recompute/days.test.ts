import fc from 'fast-check';
import { dayOf, isoDay, NO_DAY } from './days';

const MS_PER_DAY = 86_400_000;
/** What dayOf must agree with: the UTC calendar day Date.parse gives. */
const parsedDay = (text: string) => Math.floor(Date.parse(text) / MS_PER_DAY);

describe('days', () => {
  const moments = fc.date({
    min: new Date('1990-01-01'),
    max: new Date('2100-12-31'),
    noInvalidDate: true
  });

  it('reads dates and UTC date-times as Date.parse does, cached or not', () => {
    fc.assert(
      fc.property(moments, (moment) => {
        const iso = moment.toISOString();
        const date = iso.slice(0, 10);
        const expected = parsedDay(`${date}T00:00:00Z`);
        for (let k = 0; k < 2; k++) {
          expect(dayOf(date)).toBe(expected);
          expect(dayOf(iso)).toBe(expected);
          expect(dayOf(iso.replace('Z', '+0000'))).toBe(expected);
          expect(isoDay(expected)).toBe(date);
        }
      })
    );
  });

  it('takes the UTC day of a date-time with another offset', () => {
    expect(isoDay(dayOf('2026-11-02T23:30:00-05:00'))).toBe('2026-11-03');
    expect(isoDay(dayOf('2026-11-03T01:30:00+03:00'))).toBe('2026-11-02');
  });

  it('gives NO_DAY for nothing or no date', () => {
    for (const value of [null, undefined, '', 'soon', '2026-1x-01', '2026-11-02T99'])
      expect(dayOf(value)).toBe(NO_DAY);
  });
});
