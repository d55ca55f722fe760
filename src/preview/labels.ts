import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

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

const parser = new XMLParser({ parseTagValue: false, trimValues: true });

/**
 * Reads Custom Labels and their translations from force-app, the same files deployed to
 * orgs, so the preview shows exactly the deployed wording in each language.
 */
export function readLabels(projectDir: string, languages = ['fi']): LabelTable {
  const base = join(projectDir, 'force-app/main/default');
  const table: LabelTable = { en: {} };
  const labelsPath = join(base, 'labels/CustomLabels.labels-meta.xml');
  if (existsSync(labelsPath)) {
    const parsed = labelsFile.parse(parser.parse(readFileSync(labelsPath, 'utf8')));
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
    const parsed = translationFile.parse(parser.parse(readFileSync(path, 'utf8')));
    for (const raw of asArray(parsed.Translations.customLabels)) {
      const label = translatedLabel.parse(raw);
      table[language][label.name] = label.label;
    }
  }
  return table;
}
