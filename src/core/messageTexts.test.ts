import { readLabels } from '../preview/labels';
import { buildAcceptComment, buildReturnComment, buildSubmitPost } from './connect';
import { planTouchpoints } from './cadence';
import { draftedPostSegments } from './handoverPrefill';
import { reminderCommentSegments } from './handoverReminder';
import { loadProjectModel } from '../metadata/projectModel';
import { MESSAGE_LANGUAGES, MESSAGE_TEXTS, messageLanguage } from './messageTexts';

const PROJECT_DIR = `${__dirname}/../..`;

describe('Chatter message texts', () => {
  it('it_should_equal_the_Baton_Post_custom_labels_Apex_reads_in_every_language', () => {
    const labels = readLabels(PROJECT_DIR, ['fi']);
    for (const language of MESSAGE_LANGUAGES) {
      const fromLabels = Object.fromEntries(
        Object.keys(MESSAGE_TEXTS.en).map((name) => [name, labels[language][name]])
      );
      expect(fromLabels).toEqual(MESSAGE_TEXTS[language]);
    }
  });

  it('it_should_write_to_a_Finnish_reader_in_Finnish_with_no_English_words_left', () => {
    const input = {
      name: 'HO-00042',
      accountName: 'Kontrakti Oy',
      accountManagerId: '005A',
      sellerId: '005S',
      whatWasSold: 'Baton Pro',
      risks: 'IT kiireinen',
      recordUrl: 'https://example.my.salesforce.com/a01',
      returnReason: 'Mikä SSO?'
    };
    const words = (segments: { type: string; text?: string }[]) =>
      segments.map((segment) => segment.text ?? '').join('');
    const language = messageLanguage('fi');
    expect(words(buildSubmitPost(input, language))).toBe(
      ' luovutus HO-00042 asiakkuudesta Kontrakti Oy odottaa vastaustasi.\n' +
        'Mitä myytiin: Baton Pro\nRiskit ja esteet: IT kiireinen\nAvaa luovutus: '
    );
    expect(words(buildAcceptComment(input, language))).toBe(
      ' luovutus HO-00042 hyväksytty. Käyttöönotto on alkanut.'
    );
    expect(words(buildReturnComment(input, language))).toBe(
      ' luovutus HO-00042 palautettiin: Mikä SSO?'
    );
    // Without a language, and for anyone not Finnish, the words stay English.
    expect(words(buildAcceptComment(input))).toBe(
      ' handover HO-00042 accepted. Onboarding has started.'
    );
    expect(messageLanguage('en_US')).toBe('en');
    expect(messageLanguage(null)).toBe('en');
  });

  it('it_should_name_a_Finnish_owners_touchpoint_Tasks_in_Finnish', () => {
    const input = {
      accountId: '001A',
      tier: 'High' as const,
      contractStart: '2026-01-05',
      asOf: '2026-01-05'
    };
    const english = planTouchpoints(input, loadProjectModel()).map((task) => task.subject);
    const finnish = planTouchpoints({ ...input, language: 'fi' }, loadProjectModel()).map(
      (task) => task.subject
    );
    expect(english).toContain('Kickoff meeting');
    expect(finnish).toContain('Aloituspalaveri');
    expect(finnish.some((subject) => subject.startsWith('Onnistumisen tarkistus ('))).toBe(true);
    expect(finnish.filter((subject) => english.includes(subject))).toEqual([]);
  });

  const textOf = (segment: { type: string; text?: string }) => segment.text ?? '';

  it('it_should_tell_a_finnish_seller_what_accepting_did_for_each_kind_of_handover', () => {
    const input = { name: 'HO-00042', accountManagerId: '005A', sellerId: '005S', recordUrl: '' };
    const words = (kind: 'new-customer' | 'existing-customer' | 'new-account-manager') =>
      textOf(buildAcceptComment(input, 'fi', kind)[1]);
    expect(words('new-customer')).toBe(' luovutus HO-00042 hyväksytty. Käyttöönotto on alkanut.');
    expect(words('existing-customer')).toContain('Asiakkuuden vaihe ja suunnitelma säilyvät');
    expect(words('existing-customer')).not.toContain('Käyttöönotto on alkanut');
    expect(words('new-account-manager')).toContain('Uusi asiakkuuspäällikkö');
    expect(textOf(buildAcceptComment(input, 'en', 'existing-customer')[1])).toContain(
      'keeps its stage and plan'
    );
  });

  it('it_should_remind_and_announce_drafts_in_finnish_with_a_finnish_date', () => {
    const reminder = reminderCommentSegments(
      {
        name: 'HO-00042',
        status: 'Submitted',
        submittedAt: '2026-12-07T09:00:00Z',
        accountManagerId: '005A'
      },
      'https://example.my.salesforce.com/a01',
      undefined,
      undefined,
      'fi'
    );
    expect(textOf(reminder[1])).toBe(
      ' luovutus HO-00042 odottaa vastaustasi: vastauksen määräpäivä oli 9.12.2026. Hyväksy luovutus tai palauta se myyjälle: '
    );
    const english = reminderCommentSegments(
      {
        name: 'HO-00042',
        status: 'Submitted',
        submittedAt: '2026-12-07T09:00:00Z',
        accountManagerId: '005A'
      },
      'https://example.my.salesforce.com/a01'
    );
    expect(textOf(english[1])).toBe(
      ' handover HO-00042 is waiting for your answer: it was due 2026-12-09. Accept it or return it to the seller: '
    );
    const drafted = draftedPostSegments(
      { sellerId: '005S', name: 'HO-00043', accountName: 'Kontrakti Oy', recordUrl: 'https://x' },
      'fi'
    );
    expect(textOf(drafted[1])).toBe(
      ' luovutus HO-00043 asiakkuudesta Kontrakti Oy on luonnosteltu tästä voitetusta kaupasta. Tarkista esitäytetyt kentät ja lähetä luovutus: '
    );
  });
});
