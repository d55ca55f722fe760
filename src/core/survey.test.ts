import { ces, csat, nps } from './survey';

describe('survey maths', () => {
  it('NPS: promoters 9–10, passives 7–8, detractors 0–6, round(100 × (P − D) / N)', () => {
    expect(nps([9, 10, 7, 8, 6, 0])).toEqual({
      nps: 0,
      exact: 0,
      promoters: 2,
      passives: 2,
      detractors: 2,
      responses: 6
    });
    expect(nps([10, 10, 6])?.nps).toBe(33);
    expect(nps([10, 6, 6])?.nps).toBe(-33);
    // Exactly .5 rounds half up: 1 promoter of 8 → 12.5 → 13; 1 detractor of 8 → −12.5 → −12.
    expect(nps([10, 7, 7, 7, 7, 7, 7, 7])?.nps).toBe(13);
    expect(nps([0, 7, 7, 7, 7, 7, 7, 7])?.nps).toBe(-12);
    expect(nps([])).toBeNull();
  });

  it('CSAT: the share of 4–5 on 1–5', () => {
    expect(csat([5, 4, 3, 1])).toBe(0.5);
    expect(csat([])).toBeNull();
  });

  it('CES: the mean on 1–7', () => {
    expect(ces([7, 4, 1])).toBe(4);
    expect(ces([])).toBeNull();
  });

  it.each([
    ['NPS', () => nps([11]), /NPS score must be a whole number 0–10, got 11/],
    ['NPS', () => nps([-1]), /got -1/],
    ['NPS', () => nps([7.5]), /got 7.5/],
    ['CSAT', () => csat([0]), /CSAT score must be a whole number 1–5, got 0/],
    ['CSAT', () => csat([6]), /got 6/],
    ['CES', () => ces([8]), /CES score must be a whole number 1–7, got 8/]
  ])('rejects an out-of-range %s score, never clamps', (_type, call, message) => {
    expect(call).toThrow(message);
  });
});
