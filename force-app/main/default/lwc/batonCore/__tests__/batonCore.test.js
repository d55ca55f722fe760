import {
  BatonError,
  accountSignalsSchema,
  buildSubmitPost,
  ces,
  csat,
  handoverTransition,
  nps,
  parseModelRecords
} from 'c/batonCore';

// The bundle as components import it (the rules themselves are tested in src/core).
describe('c-baton-core', () => {
  afterEach(() => {
    jest.clearAllMocks();
  });

  it('computes survey figures and rejects out-of-range scores', () => {
    expect(nps([10, 9, 8, 3, 0]).nps).toBe(0);
    expect(csat([5, 4, 1, 2])).toBe(0.5);
    expect(ces([7, 6])).toBe(6.5);
    expect(() => nps([11])).toThrow(/NPS score must be a whole number 0–10, got 11/);
  });

  it('keeps the handover state machine', () => {
    expect(handoverTransition('Draft', 'submit')).toBe('Submitted');
    expect(() => handoverTransition('Draft', 'accept')).toThrow(BatonError);
  });

  it('keeps user text as plain Text segments in the Chatter post', () => {
    const post = buildSubmitPost({
      name: 'HO-00001',
      accountManagerId: '005000000000001',
      sellerId: '005000000000002',
      whatWasSold: '{@005000000000003} <b>Gold</b>',
      recordUrl: '/lightning/r/Handover__c/a00/view'
    });
    expect(post.filter((segment) => segment.type === 'Mention')).toEqual([
      { type: 'Mention', id: '005000000000001' }
    ]);
    expect(post).toContainEqual({
      type: 'Text',
      text: 'What was sold: {@005000000000003} <b>Gold</b>\n'
    });
  });

  it('validates with zod and names the record and field of a bad model record', () => {
    expect(accountSignalsSchema.safeParse({ id: 'a', licensedSeats: 3 }).success).toBe(true);
    expect(() =>
      parseModelRecords({
        Health_Measure__mdt: [
          { DeveloperName: 'NPS', Kind__c: 'nps', Group__c: 'Experience', Weight__c: -1 }
        ]
      })
    ).toThrow('Health_Measure__mdt.NPS: Weight__c: must be zero or more (got -1)');
  });
});
