import { problem, type Problem } from './problem';
import { child, children, parseXml, text } from './xmlCheck';

/** The lengths a deploy enforces on custom labels and their translations (in characters). */
export const LABEL_LIMITS = { fullName: 80, shortDescription: 80, value: 1000 } as const;

/**
 * Custom label parts over Salesforce's length limits fail the whole deploy, and neither
 * source-deploy-retrieve nor the XML schema catches them offline.
 */
export function checkLabelLengths(files: string[]): Problem[] {
  return files.flatMap((file) => {
    if (file.endsWith('.labels-meta.xml')) return labelFile(file);
    if (file.endsWith('.translation-meta.xml')) return translationFile(file);
    return [];
  });
}

function labelFile(file: string): Problem[] {
  return children(child(parseXml(file), 'CustomLabels'), 'labels').flatMap((label) => {
    const name = text(label, 'fullName');
    return (Object.keys(LABEL_LIMITS) as (keyof typeof LABEL_LIMITS)[]).flatMap((part) =>
      tooLong(file, `custom label ${name}: ${part}`, text(label, part), LABEL_LIMITS[part])
    );
  });
}

function translationFile(file: string): Problem[] {
  return children(child(parseXml(file), 'Translations'), 'customLabels').flatMap((entry) =>
    tooLong(
      file,
      `translated custom label ${text(entry, 'name')}: label`,
      text(entry, 'label'),
      LABEL_LIMITS.value
    )
  );
}

function tooLong(file: string, what: string, value: string, limit: number): Problem[] {
  // Salesforce counts characters, not UTF-16 code units.
  const length = [...value].length;
  return length > limit
    ? [problem('label-length', file, `${what} is ${length} characters; the limit is ${limit}`)]
    : [];
}
