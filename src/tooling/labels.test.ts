import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
