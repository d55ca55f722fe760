import { readdirSync } from 'node:fs';
import { readLabels } from '../../preview/labels';
import { detail, detailEn, detailFi } from './details';
import { DRIVER_TEXTS, type DriverTexts } from './driverTexts';
import { KIND } from './plan';

const PROJECT_DIR = `${__dirname}/../../..`;
const TRANSLATIONS = `${PROJECT_DIR}/force-app/main/default/translations`;

describe('driver texts', () => {
  const languages = readdirSync(TRANSLATIONS)
    .filter((file) => file.endsWith('.translation-meta.xml'))
    .map((file) => file.replace('.translation-meta.xml', ''));
  const labels = readLabels(PROJECT_DIR, languages);

  it('it_should_have_a_catalogue_for_English_and_each_language_force_app_translates', () => {
    expect(Object.keys(DRIVER_TEXTS).sort()).toEqual(['en', ...languages].sort());
  });

  it('it_should_equal_the_Baton_Driver_custom_labels_in_every_language', () => {
    const names = Object.keys(labels.en).filter((name) => name.startsWith('Baton_Driver_'));
    expect(names.sort()).toEqual(Object.keys(DRIVER_TEXTS.en).sort());
    for (const [language, texts] of Object.entries(DRIVER_TEXTS)) {
      const fromLabels = Object.fromEntries(names.map((name) => [name, labels[language][name]]));
      expect({ language, texts: fromLabels }).toEqual({ language, texts });
    }
  });

  it('it_should_say_the_facts_in_a_language_the_core_is_only_given_as_data', () => {
    // Swedish is not shipped: a catalogue is all a language needs, no code.
    const swedish: DriverTexts = {
      ...DRIVER_TEXTS.en,
      Baton_Driver_Detractors_Many: '{0} kritiker',
      Baton_Driver_Passives_One: '{0} passiv',
      Baton_Driver_Nps_Both: '{0} och {1}',
      Baton_Driver_Nps_Many: '{0} av {1} svar',
      Baton_Driver_Ces_Many: 'genomsnittlig ansträngning {0} av 7 ({1} svar)',
      Baton_Driver_Decimal_Separator: ','
    };
    expect(detail(swedish, KIND.nps, 0, 2, 5)).toBe('2 kritiker och 1 passiv av 5 svar');
    expect(detail(swedish, KIND.ces, 5.14, 0, 3)).toBe(
      'genomsnittlig ansträngning 5,1 av 7 (3 svar)'
    );
  });

  it('it_should_say_the_shipped_languages_as_the_health_panel_shows_them', () => {
    expect(detailEn(KIND.nps, 0, 2, 5)).toBe('2 detractors and 1 passive of 5 responses');
    expect(detailFi(KIND.nps, 0, 2, 5)).toBe('2 arvostelijaa ja 1 passiivinen 5 vastaajasta');
    expect(detailEn(KIND.ces, 5.14, 0, 1)).toBe('mean effort score 5.1 of 7 (1 response)');
    expect(detailFi(KIND.ces, 5.14, 0, 1)).toBe('helppouden keskiarvo 5,1/7 (1 vastaus)');
    // Finnish says one of a thing in the singular: "1 arvostelija", not "1 arvostelijaa".
    expect(detailFi(KIND.support, 1, 0, 0)).toBe('1 avoin kiireellinen tukipyyntö tai eskalaatio');
    expect(detailFi(KIND.billing, 1, 0, 0)).toBe('1 erääntynyt lasku');
    expect(detailFi(KIND.nps, -100, 1, 1)).toBe('1 arvostelija 1 vastaajasta');
    expect(detailFi(KIND.cadence, 1, 30, 0)).toBe(
      '1 päivä edellisestä tapaamisesta (30 päivän välein)'
    );
    expect(detailFi(KIND.csat, 0, 1, 1)).toBe('1/1 vastaajasta tyytyväinen (4–5)');
    expect(detailEn(KIND.sentiment, 0, 0, 0, 'Negative')).toBe('CSM sentiment Negative');
    expect(detailFi(KIND.sentiment, 0, 0, 0, 'Negative')).toBe(
      'asiakkuuspäällikön arvio kielteinen'
    );
    // A word the model adds and the catalogue lacks is shown as the model writes it.
    expect(detailFi(KIND.sentiment, 0, 0, 0, 'Wary')).toBe('asiakkuuspäällikön arvio Wary');
  });
});
