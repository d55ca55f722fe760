import { loadProjectModel } from '../metadata/projectModel';
import {
  escalationCommentSegments,
  escalationDue,
  escalationSettingOf,
  leadIsUsername
} from './handoverEscalation';

const model = loadProjectModel();
// Submitted Friday 4 December 2026: two business days make the answer due Tuesday the 8th.
const handover = { name: 'HO-7', status: 'Submitted', submittedAt: '2026-12-04T15:00:00Z' };

describe('handover escalation', () => {
  it('it_should_read_the_setting_with_a_default_wait_and_blank_as_off', () => {
    expect(
      escalationSettingOf([{ DeveloperName: 'Default', Escalation_Lead__c: 'Baton_CS_Lead' }])
    ).toEqual({ lead: 'Baton_CS_Lead', afterBusinessDays: 1 });
    expect(
      escalationSettingOf([
        { DeveloperName: 'Other', Escalation_Lead__c: 'x@example.com', Escalate_After_Days__c: 5 },
        { DeveloperName: 'Default', Escalation_Lead__c: '  ', Escalate_After_Days__c: 0 }
      ])
    ).toEqual({ lead: null, afterBusinessDays: 0 });
    expect([leadIsUsername('laura@example.com'), leadIsUsername('Baton_CS_Lead')]).toEqual([
      true,
      false
    ]);
  });

  it('it_should_escalate_the_given_business_days_after_the_first_overdue_day_and_once', () => {
    const setting = { lead: 'Baton_CS_Lead', afterBusinessDays: 1 };
    const due = (asOf: string, extra = {}) =>
      escalationDue({ ...handover, ...extra }, asOf, setting, 'High', model);
    // Wednesday the 9th is the first overdue day; one business day of reminders, so Thursday.
    expect(['2026-12-08', '2026-12-09', '2026-12-10'].map((day) => due(day))).toEqual([
      false,
      false,
      true
    ]);
    expect(due('2026-12-10', { escalatedOn: '2026-12-10' })).toBe(false);
    expect(due('2026-12-10', { status: 'Accepted' })).toBe(false);
    // 0 days: the first overdue day; across a weekend, 2 days after Friday's deadline is Tuesday.
    expect(
      escalationDue(handover, '2026-12-09', { ...setting, afterBusinessDays: 0 }, 'High', model)
    ).toBe(true);
    const friday = { ...handover, submittedAt: '2026-12-02T09:00:00Z' };
    const twoDays = { ...setting, afterBusinessDays: 2 };
    expect(
      ['2026-12-08', '2026-12-09'].map((day) => escalationDue(friday, day, twoDays, 'High', model))
    ).toEqual([false, true]);
    expect(escalationDue(handover, '2027-01-01', { ...setting, lead: null }, 'High', model)).toBe(
      false
    );
  });

  it('it_should_mention_every_lead_and_write_the_due_day_as_a_finnish_reader_does', () => {
    const segments = escalationCommentSegments(
      { ...handover, accountManagerName: 'Juha Mäkinen' },
      ['005A', '005B'],
      'https://example.my.salesforce.com/a01',
      'fi',
      'High',
      model
    );
    expect(segments).toEqual([
      { type: 'Mention', id: '005A' },
      { type: 'Text', text: ' ' },
      { type: 'Mention', id: '005B' },
      {
        type: 'Text',
        text: ' luovutus HO-7 on myöhässä: Juha Mäkinen ei ole vastannut siihen määräpäivään 8.12.2026 mennessä. Selvitäthän tilanteen: '
      },
      { type: 'Link', url: 'https://example.my.salesforce.com/a01' }
    ]);
  });
});
