import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { forceAppXml } from '../core/config/forceAppXml';

/** Label values by language: `{ en: { Baton_X: 'text' }, fi: { Baton_X: 'teksti' } }`. */
export type LabelTable = Record<string, Record<string, string>>;

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const labelsFile = z.object({
  CustomLabels: z.object({
    labels: z
      .union([z.array(z.object({ fullName: z.string(), value: z.coerce.string() })), z.object({})])
      .optional()
  })
});
const translationFile = z.object({
  Translations: z.object({
    customLabels: z.unknown().optional()
  })
});
const translatedLabel = z.object({ name: z.string(), label: z.coerce.string() });

const parse = forceAppXml();

/** Picklist value labels by language and field: `{ fi: { 'Account.Touch_Tier__c': { High: 'Tiivis palvelu' } } }`. */
export type PicklistTable = Record<string, Record<string, Record<string, string>>>;

const fieldTranslationFile = z.object({
  CustomFieldTranslation: z.object({
    name: z.string(),
    picklistValues: z.unknown().optional()
  })
});
const picklistTranslation = z.object({
  masterLabel: z.coerce.string(),
  translation: z.coerce.string()
});

/**
 * Reads the picklist value translations (objectTranslations/<Object>-<language>) from
 * force-app, as the org translates a picklist's label for a user of that language.
 */
export function readPicklistTranslations(projectDir: string, languages = ['fi']): PicklistTable {
  const base = join(projectDir, 'force-app/main/default/objectTranslations');
  const table: PicklistTable = {};
  for (const language of languages) {
    table[language] = {};
    if (!existsSync(base)) continue;
    for (const folder of readdirSync(base).filter((name) => name.endsWith(`-${language}`))) {
      const object = folder.slice(0, -`-${language}`.length);
      for (const file of readdirSync(join(base, folder)).filter((name) =>
        name.endsWith('.fieldTranslation-meta.xml')
      )) {
        const parsed = fieldTranslationFile.parse(
          parse(readFileSync(join(base, folder, file), 'utf8'))
        ).CustomFieldTranslation;
        const values = asArray(parsed.picklistValues).map((raw) => picklistTranslation.parse(raw));
        if (values.length)
          table[language][`${object}.${parsed.name}`] = Object.fromEntries(
            values.map((value) => [value.masterLabel, value.translation])
          );
      }
    }
  }
  return table;
}

/**
 * Reads Custom Labels and their translations from force-app, the same files deployed to
 * orgs, so the preview shows exactly the deployed wording in each language.
 */
export function readLabels(projectDir: string, languages = ['fi']): LabelTable {
  const base = join(projectDir, 'force-app/main/default');
  const table: LabelTable = { en: {} };
  const labelsPath = join(base, 'labels/CustomLabels.labels-meta.xml');
  if (existsSync(labelsPath)) {
    const parsed = labelsFile.parse(parse(readFileSync(labelsPath, 'utf8')));
    for (const label of asArray(parsed.CustomLabels.labels) as {
      fullName: string;
      value: string;
    }[]) {
      table.en[label.fullName] = label.value;
    }
  }
  for (const language of languages) {
    const path = join(base, `translations/${language}.translation-meta.xml`);
    table[language] = {};
    if (!existsSync(path)) continue;
    const parsed = translationFile.parse(parse(readFileSync(path, 'utf8')));
    for (const raw of asArray(parsed.Translations.customLabels)) {
      const label = translatedLabel.parse(raw);
      table[language][label.name] = label.label;
    }
  }
  return table;
}
