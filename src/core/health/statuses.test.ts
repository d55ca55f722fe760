import { bandStatuses, inStatusOrder, statusChoice, statusOrder } from './statuses';

const model = {
  bands: [
    { status: 'Green', min: 70, max: 100 },
    { status: 'Amber', min: 40, max: 69 },
    { status: 'Red', min: 0, max: 39 }
  ],
  insufficientStatus: 'Too little data'
};

describe('statuses from the model', () => {
  it('are the Status bands best first, then the one for too little data', () => {
    expect(bandStatuses(model)).toEqual(['Green', 'Amber', 'Red']);
    expect(statusOrder(model)).toEqual(['Green', 'Amber', 'Red', 'Too little data']);
  });

  it('key counts in the model order, then any other status as it came', () => {
    const counts = { Red: 1, Blue: 4, 'Too little data': 2, Green: 3 };
    expect(Object.keys(inStatusOrder(counts, statusOrder(model)))).toEqual([
      'Green',
      'Red',
      'Too little data',
      'Blue'
    ]);
    expect(inStatusOrder(counts, statusOrder(model))).toEqual(counts);
  });

  it('name a choice as a sentence does', () => {
    expect(statusChoice(bandStatuses(model))).toBe('Green, Amber or Red');
    expect(statusChoice(['Green'])).toBe('Green');
  });
});
