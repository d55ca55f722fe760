import { readFileSync } from 'node:fs';
import { definingObject, isCustomName, type MetadataModel } from './metadataModel';
import { problem, type Problem } from './problem';
import { child, children, parseXml, text } from './xmlCheck';

/**
 * What components, Apex and translations point at must be in the package, or the deploy
 * fails: `@salesforce/label|schema|apex` imports in Lightning web components, `Label.X` in
 * Apex, and translated custom labels.
 */
export function checkCodeReferences(files: string[], model: MetadataModel): Problem[] {
  return files.flatMap((file) => {
    if (/\/lwc\/[^/]+\/.+\.(js|ts)$/.test(file)) return componentImports(file, model);
    if (file.endsWith('.cls') || file.endsWith('.trigger')) return apexLabels(file, model);
    if (file.endsWith('.translation-meta.xml')) return translatedLabels(file, model);
    if (file.endsWith('.fieldTranslation-meta.xml')) return translatedField(file, model);
    return [];
  });
}

function componentImports(file: string, model: MetadataModel): Problem[] {
  const source = readFileSync(file, 'utf8');
  const problems: Problem[] = [];
  const missing = (message: string) => problems.push(problem('missing-reference', file, message));
  for (const [, label] of source.matchAll(/['"]@salesforce\/label\/c\.(\w+)['"]/g)) {
    if (!model.labels.has(label)) missing(`custom label ${label} is not defined`);
  }
  for (const [, path] of source.matchAll(/['"]@salesforce\/schema\/([\w.]+)['"]/g)) {
    const [objectName, fieldName, ...rest] = path.split('.');
    const object = model.objects.get(definingObject(objectName));
    if (isCustomName(objectName) && !object?.definition) {
      missing(`object ${objectName} (in ${path}) is not defined`);
    } else if (
      rest.length === 0 &&
      fieldName &&
      isCustomName(fieldName) &&
      !object?.fields.has(fieldName)
    ) {
      missing(`field ${path} is not defined`);
    }
  }
  for (const [, className, method] of source.matchAll(/['"]@salesforce\/apex\/(\w+)\.(\w+)['"]/g)) {
    const classFile = model.classes.get(className);
    if (!classFile) missing(`Apex class ${className} is not defined`);
    else if (!new RegExp(`\\b${method}\\s*\\(`).test(readFileSync(classFile, 'utf8'))) {
      missing(`Apex method ${className}.${method} is not defined`);
    }
  }
  return problems;
}

function apexLabels(file: string, model: MetadataModel): Problem[] {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  // Label.get(…) and Label.translationExists(…) are methods, not labels.
  return [...code.matchAll(/(?<![\w.])(?:System\.)?Label\.(\w+)\b(?!\s*\()/g)]
    .filter(([, label]) => !model.labels.has(label))
    .map(([, label]) => problem('missing-reference', file, `custom label ${label} is not defined`));
}

function translatedLabels(file: string, model: MetadataModel): Problem[] {
  return children(child(parseXml(file), 'Translations'), 'customLabels')
    .map((entry) => text(entry, 'name'))
    .filter((name) => !model.labels.has(name))
    .map((name) =>
      problem('missing-reference', file, `translates custom label ${name}, which is not defined`)
    );
}

/** objectTranslations/<Object>-<language>/<Field>.fieldTranslation-meta.xml */
function translatedField(file: string, model: MetadataModel): Problem[] {
  const [, objectName, fieldName] =
    /\/([^/]+)-[^/-]+\/([^/]+)\.fieldTranslation-meta\.xml$/.exec(file) ?? [];
  const field = model.objects.get(definingObject(objectName))?.fields.get(fieldName);
  if (!field) {
    return isCustomName(fieldName)
      ? [
          problem(
            'missing-reference',
            file,
            `translates field ${objectName}.${fieldName}, which is not defined`
          )
        ]
      : [];
  }
  return children(child(parseXml(file), 'CustomFieldTranslation'), 'picklistValues')
    .map((entry) => text(entry, 'masterLabel'))
    .filter((value) => !field.values.includes(value))
    .map((value) =>
      problem(
        'picklist',
        file,
        `translates "${value}", which is not a value of ${objectName}.${fieldName}`
      )
    );
}
