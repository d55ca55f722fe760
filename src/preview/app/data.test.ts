import { segmentsFor } from './data';

const users = [
  { Id: '005A', Name: 'Aino Manager' },
  { Id: '005B', Name: 'Aino' }
];

describe('segmentsFor', () => {
  it('turns @Full Name of a known user into a mention, preferring the longest name', () => {
    expect(segmentsFor('Hi @Aino Manager, see this', users)).toEqual([
      { type: 'Text', text: 'Hi ' },
      { type: 'Mention', id: '005A' },
      { type: 'Text', text: ', see this' }
    ]);
  });

  it('keeps an @ that names nobody as text', () => {
    expect(segmentsFor('mail me @ home', users)).toEqual([
      { type: 'Text', text: 'mail me @ home' }
    ]);
  });
});
