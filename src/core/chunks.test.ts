import { chunks } from './chunks';

describe('chunks', () => {
  it('cuts a list into runs of the size, the last one shorter', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 300)).toEqual([]);
  });

  it('refuses a size that would never end', () => {
    expect(() => chunks([1], 0)).toThrow(RangeError);
  });
});
