import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadProjectModel } from '../metadata/projectModel';
import { loadModel } from './metadataModel';
import { listFiles } from './problem';
import { REPO_ROOT } from './testCopy';
import { asArray, child, parseXml, text } from './xmlCheck';

const DEFAULT = join(REPO_ROOT, 'force-app', 'main', 'default');

function entries(file: string, root: string, list: string, key: string, value: string) {
  const parsed = parseXml(file);
  if (!parsed) throw new Error(`${file} is not well-formed XML`);
  return asArray(child(parsed, root)[list]).map((e) => [text(e, key), text(e, value)] as const);
}

describe('custom labels', () => {
  const english = entries(
    join(DEFAULT, 'labels', 'CustomLabels.labels-meta.xml'),
    'CustomLabels',
    'labels',
    'fullName',
    'value'
  );
  const finnish = new Map(
    entries(
      join(DEFAULT, 'translations', 'fi.translation-meta.xml'),
      'Translations',
      'customLabels',
      'name',
      'label'
    )
  );

  it('it_should_translate_every_label_into_finnish', () => {
    const untranslated = english.filter(([name]) => !finnish.get(name)).map(([name]) => name);
    expect(untranslated).toEqual([]);
  });

  it('it_should_define_each_label_once_with_a_baton_prefix_and_a_value', () => {
    const names = english.map(([name]) => name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(english.filter(([name, value]) => !name.startsWith('Baton_') || !value)).toEqual([]);
  });

  it('it_should_say_one_of_a_thing_in_the_finnish_singular', () => {
    // "{0} arvostelijaa" read "1 arvostelijaa": a partitive after the counted placeholder is plural.
    const partitive = /\{\d\} \p{L}*(?<!s)(aa|ää|ta|tä)(?!\p{L})/u;
    const plural = english
      .filter(([name]) => name.endsWith('_One'))
      .map(([name]) => [name, finnish.get(name) ?? ''] as const)
      .filter(([, label]) => partitive.test(label));
    expect(plural).toEqual([]);
  });

  it('it_should_name_each_health_measure_alike_in_the_panel_and_in_its_drivers', () => {
    // The breakdown reads the Baton_Health_Measure_* labels, the drivers the measure's Label_Fi__c.
    const labelOf: Record<string, string> = { Time_To_First_Value: 'Time_To_Value' };
    const differing = loadProjectModel()
      .measures.map((measure) => {
        const label = finnish.get(`Baton_Health_Measure_${labelOf[measure.name] ?? measure.name}`);
        return [measure.name, label, measure.labelFi] as const;
      })
      // A record may name the measure by its abbreviation alone, as "NPS" for "Suositteluhalukkuus (NPS)".
      .filter(([, label, labelFi]) => label !== labelFi && !label?.endsWith(`(${labelFi})`));
    expect(differing).toEqual([]);
  });

  it('it_should_call_the_next_touchpoint_one_thing_in_finnish', () => {
    const field = parseXml(
      join(
        DEFAULT,
        'objectTranslations',
        'Account-fi',
        'Next_Touchpoint_Due__c.fieldTranslation-meta.xml'
      )
    );
    expect(text(child(field ?? {}, 'CustomFieldTranslation'), 'label')).toBe(
      finnish.get('Baton_Health_Next_Touchpoint')
    );
  });

  it('it_should_translate_the_label_of_every_custom_field_into_finnish', () => {
    const model = loadModel(listFiles(join(DEFAULT, 'objects')));
    const untranslated = [...model.objects]
      // Custom metadata types are admin configuration, not screens.
      .filter(([objectName]) => !objectName.endsWith('__mdt'))
      .flatMap(([objectName, object]) =>
        [...object.fields.keys()]
          .filter(
            (field) =>
              !existsSync(
                join(
                  DEFAULT,
                  'objectTranslations',
                  `${objectName}-fi`,
                  `${field}.fieldTranslation-meta.xml`
                )
              )
          )
          .map((field) => `${objectName}.${field}`)
      );
    expect(untranslated).toEqual([]);
  });
});
