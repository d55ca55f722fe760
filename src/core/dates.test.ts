import fc from 'fast-check';
import { UserInputError } from './errors';
import {
  assertIsoDay,
  dayOf,
  dayOfValue,
  isExactIsoDate,
  isoDateOf,
  isoOfDay,
  STORED_NO_DAY,
  storedDay
} from './dates';

const MS_PER_DAY = 86_400_000;
/** What dayOfValue must agree with: the UTC calendar day Date.parse gives. */
const parsedDay = (text: string) => Math.floor(Date.parse(text) / MS_PER_DAY);

describe('dates', () => {
  const moments = fc.date({
    min: new Date('1990-01-01'),
    max: new Date('2100-12-31'),
    noInvalidDate: true
  });

  it('reads dates and UTC date-times as Date.parse does, cached or not', () => {
    fc.assert(
      fc.property(moments, (moment) => {
        const iso = moment.toISOString();
        const date = isoDateOf(moment);
        const expected = parsedDay(`${date}T00:00:00Z`);
        for (let k = 0; k < 2; k++) {
          expect(dayOfValue(date)).toBe(expected);
          expect(dayOfValue(iso)).toBe(expected);
          expect(dayOfValue(iso.replace('Z', '+0000'))).toBe(expected);
          expect(dayOf(date)).toBe(expected);
          expect(isoOfDay(expected)).toBe(date);
        }
      })
    );
  });

  it('takes the UTC day of a date-time with another offset', () => {
    expect(isoOfDay(dayOfValue('2026-11-02T23:30:00-05:00'))).toBe('2026-11-03');
    expect(isoOfDay(dayOfValue('2026-11-03T01:30:00+03:00'))).toBe('2026-11-02');
  });

  it('gives NaN, the one "no day", for nothing or no date', () => {
    for (const value of [null, undefined, '', 'soon', '2026-1x-01', '2026-11-02T99', '202a-11-02'])
      expect(dayOfValue(value)).toBeNaN();
    expect(dayOf('20x6-11-02')).toBeNaN();
  });

  it('stores "no day" in an Int32Array column as STORED_NO_DAY', () => {
    const column = new Int32Array(2);
    column[0] = storedDay(dayOfValue(null));
    column[1] = storedDay(dayOfValue('1970-01-02'));
    expect([...column]).toEqual([STORED_NO_DAY, 1]);
  });

  it('accepts exactly a real YYYY-MM-DD, naming the field otherwise', () => {
    expect(assertIsoDay('2028-02-29')).toBe('2028-02-29');
    expect(isExactIsoDate('2026-11-02T00:00:00Z')).toBe(false);
    for (const bad of ['2026-02-30', '2026-11-2', '2026-11-02T00:00:00Z', 'today'])
      expect(() => assertIsoDay(bad, 'from')).toThrow(
        new UserInputError(`from: not a date YYYY-MM-DD: ${bad}`, 'from')
      );
  });
});
