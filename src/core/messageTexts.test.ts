import { readLabels } from '../preview/labels';
import { buildAcceptComment, buildReturnComment, buildSubmitPost } from './connect';
import { planTouchpoints } from './cadence';
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
});
