import { loadProjectModel } from '../metadata/projectModel';
import {
  buildAcceptComment,
  buildReturnComment,
  buildSubmitPost,
  MESSAGE_EXCERPT_LENGTH
} from './connect';
import {
  handoverRequirementsFor,
  handoverTransition,
  isHandoverOverdue,
  requiredHandoverFields,
  responseDeadline,
  validateHandover
} from './handover';

const model = loadProjectModel();
const BASE = [
  'Account_Manager__c',
  'Contract_Start__c',
  'What_Was_Sold__c',
  'Primary_Contact__c',
  'Success_Criteria__c',
  'Fit__c'
];
const HIGH_AND_LOW = [...BASE, 'First_Year_Goal__c', 'Promises__c', 'Technical_Needs__c'];

describe('handover rules', () => {
  it('it_should_require_only_the_fields_marked_for_trials_of_a_trials_handover', () => {
    // The lighter handover of a trial: who, when, what, with whom and what success looks like.
    const TRIAL = [
      'Account_Manager__c',
      'Contract_Start__c',
      'What_Was_Sold__c',
      'Primary_Contact__c',
      'Success_Criteria__c'
    ];
    expect(requiredHandoverFields('High', model, true)).toEqual(TRIAL);
    expect(requiredHandoverFields('Tech', model, true)).toEqual(TRIAL);
    const trial = {
      Trial__c: true,
      Account_Manager__c: '005000000000001AAA',
      Contract_Start__c: '2027-01-05',
      What_Was_Sold__c: 'Baton Pro trial, 10 seats',
      Primary_Contact__c: '003000000000001AAA',
      Success_Criteria__c: 'Month-end closed in the product'
    };
    expect(validateHandover(trial, 'High', model)).toEqual([]);
    expect(
      validateHandover({ ...trial, Trial__c: false }, 'High', model).map((problem) => problem.field)
    ).toContain('Risks__c');
  });

  it('requires the handover fields each tier needs', () => {
    const fields = (tier: 'High' | 'Low' | 'Tech') => requiredHandoverFields(tier, model);
    expect(fields('Tech')).toEqual(BASE);
    expect(fields('Low')).toEqual(HIGH_AND_LOW);
    expect(fields('High')).toEqual([
      ...HIGH_AND_LOW,
      'Secondary_Contacts__c',
      'Risks__c',
      'Decision_Makers__c'
    ]);
    expect(
      handoverRequirementsFor('High', model).find((r) => r.field === 'Secondary_Contacts__c')
    ).toMatchObject({ minEntries: 2, label: 'Secondary Contacts' });
  });

  it('validates with field-level messages; "none" is an answer; 2 secondary contacts for High', () => {
    const complete: Record<string, unknown> = Object.fromEntries(
      [...HIGH_AND_LOW, 'Risks__c', 'Decision_Makers__c'].map((field) => [field, 'x'])
    );
    complete.Promises__c = 'none';
    complete.Secondary_Contacts__c = 'Ann\n  \nBob';
    expect(validateHandover(complete, 'High', model)).toEqual([]);
    const errors = validateHandover(
      { ...complete, Secondary_Contacts__c: 'Ann\n', Fit__c: null },
      'High',
      model
    );
    expect(errors.map((error) => error.field)).toEqual(['Fit__c', 'Secondary_Contacts__c']);
    expect(errors[1].message).toBe('Secondary Contacts: at least 2 needed, one per line');
    expect(validateHandover({ Fit__c: '   ' }, 'Tech', model)).toHaveLength(6);
  });

  it('moves Draft → Submitted → Accepted or Returned, and rejects illegal moves', () => {
    expect(handoverTransition('Draft', 'submit')).toBe('Submitted');
    expect(handoverTransition('Returned', 'submit')).toBe('Submitted');
    expect(handoverTransition('Submitted', 'accept')).toBe('Accepted');
    expect(handoverTransition('Submitted', 'return', { returnReason: 'No contact' })).toBe(
      'Returned'
    );
    expect(() => handoverTransition('Submitted', 'return', { returnReason: ' ' })).toThrow(
      /Return_Reason__c/
    );
    expect(() => handoverTransition('Draft', 'accept')).toThrow(
      'Cannot accept a handover that is Draft.'
    );
    expect(() => handoverTransition('Accepted', 'submit')).toThrow(/Cannot submit/);
    expect(handoverTransition('Draft', 'saveDraft')).toBe('Draft');
    expect(handoverTransition('Returned', 'saveDraft')).toBe('Returned');
    expect(() => handoverTransition('Submitted', 'saveDraft')).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION', field: 'Status__c' }) as Error
    );
    expect(() => handoverTransition('Accepted', 'save')).toThrow(/Cannot save/);
  });

  it('gives the AM 2 business days to answer, skipping weekends', () => {
    expect(responseDeadline('2025-06-02T09:00:00Z')).toBe('2025-06-04'); // Mon → Wed
    expect(responseDeadline('2025-06-05', 'Low', model)).toBe('2025-06-09'); // Thu → Mon
    expect(responseDeadline('2025-06-06')).toBe('2025-06-10'); // Fri → Tue
    expect(responseDeadline('2025-06-07', 'Tech', model)).toBe('2025-06-10'); // Sat → Tue
    expect(() => responseDeadline('yesterday')).toThrow(/Submitted_At__c/);
    const submitted = { status: 'Submitted', submittedAt: '2025-06-05T15:00:00Z' };
    expect(isHandoverOverdue(submitted, '2025-06-09')).toBe(false);
    expect(isHandoverOverdue(submitted, '2025-06-10', 'High', model)).toBe(true);
    expect(isHandoverOverdue({ ...submitted, status: 'Accepted' }, '2025-07-01')).toBe(false);
  });

  it('takes the answer time from the tier cadence when the model is given', () => {
    const slower = {
      ...model,
      cadence: { ...model.cadence, Low: { ...model.cadence.Low, responseBusinessDays: 5 } }
    };
    expect(responseDeadline('2025-06-02', 'Low', slower)).toBe('2025-06-09');
    expect(responseDeadline('2025-06-02', 'High', slower)).toBe('2025-06-04');
  });

  it('builds Chatter messages where user text is only ever a Text segment', () => {
    const input = {
      name: 'HO-00001',
      accountName: 'Acme',
      accountManagerId: '005A',
      sellerId: '005S',
      whatWasSold: '<b>Gold</b> @[005X] {!x}',
      promises: '  ',
      recordUrl: 'https://example.my.salesforce.com/a01',
      returnReason: '@Everyone <script>'
    };
    const post = buildSubmitPost(input);
    expect(post[0]).toEqual({ type: 'Mention', id: '005A' });
    expect(post).toContainEqual({
      type: 'Text',
      text: 'What was sold: <b>Gold</b> @[005X] {!x}\n'
    });
    expect(post.filter((segment) => segment.type === 'Mention')).toHaveLength(1);
    expect(
      post.some((segment) => segment.type === 'Text' && segment.text.startsWith('Promises'))
    ).toBe(false);
    expect(buildAcceptComment(input)[0]).toEqual({ type: 'Mention', id: '005S' });
    expect(buildReturnComment(input)).toEqual([
      { type: 'Mention', id: '005S' },
      { type: 'Text', text: ' handover HO-00001 was returned: @Everyone <script>' }
    ]);
  });

  it('excerpts long facts the way Apex abbreviate does and always ends with the link', () => {
    const long = 'x'.repeat(32768);
    const post = buildSubmitPost({
      name: 'HO-00001',
      accountManagerId: '005A',
      sellerId: '005S',
      whatWasSold: long,
      risks: `  ${'y'.repeat(MESSAGE_EXCERPT_LENGTH)}  `,
      recordUrl: 'https://example.my.salesforce.com/a01'
    });
    expect(post).toContainEqual({
      type: 'Text',
      text: `What was sold: ${'x'.repeat(MESSAGE_EXCERPT_LENGTH - 3)}...\n`
    });
    // Exactly the limit is not cut.
    expect(post).toContainEqual({
      type: 'Text',
      text: `Risks and blockers: ${'y'.repeat(MESSAGE_EXCERPT_LENGTH)}\n`
    });
    expect(post.at(-1)).toEqual({ type: 'Link', url: 'https://example.my.salesforce.com/a01' });
  });
});
