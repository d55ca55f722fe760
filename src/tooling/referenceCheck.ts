import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { definingObject, isCustomName, type MetadataModel } from './metadataModel';
import { problem, type Problem } from './problem';
import { asArray, child, children, parseXml, text } from './xmlCheck';

/**
 * References that a deploy would reject because their target is not in the package: fields
 * and objects named by permission sets, layouts and Lightning pages, Apex classes granted by
 * permission sets, and components placed on pages.
 */
export function checkReferences(files: string[], model: MetadataModel): Problem[] {
  return files.flatMap((file) => {
    if (file.endsWith('.permissionset-meta.xml')) return permissionSet(file, model);
    if (file.endsWith('.layout-meta.xml')) return layout(file, model);
    if (file.endsWith('.flexipage-meta.xml')) return flexiPage(file, model);
    if (file.endsWith('.compactLayout-meta.xml')) return compactLayout(file, model);
    return [];
  });
}

function missingField(model: MetadataModel, file: string, reference: string): Problem[] {
  const [objectName, fieldName] = reference.split('.');
  if (!objectName || !fieldName)
    return [problem('missing-reference', file, `bad field "${reference}"`)];
  const object = model.objects.get(definingObject(objectName));
  if (isCustomName(objectName) && !object?.definition) {
    return [
      problem('missing-reference', file, `object ${objectName} (in ${reference}) is not defined`)
    ];
  }
  if (isCustomName(fieldName) && !object?.fields.has(fieldName)) {
    return [problem('missing-reference', file, `field ${reference} is not defined`)];
  }
  return [];
}

function permissionSet(file: string, model: MetadataModel): Problem[] {
  const root = child(parseXml(file), 'PermissionSet');
  const problems: Problem[] = [];
  for (const grant of asArray(root.fieldPermissions)) {
    const reference = text(grant, 'field');
    const missing = missingField(model, file, reference);
    problems.push(...missing);
    const [objectName, fieldName] = reference.split('.');
    const field = model.objects.get(definingObject(objectName))?.fields.get(fieldName);
    // Salesforce refuses field permissions on fields that are always accessible.
    if (!missing.length && field && (field.required || field.type === 'MasterDetail')) {
      problems.push(
        problem(
          'permission',
          file,
          `${reference} is required or master-detail; remove its fieldPermissions`
        )
      );
    }
  }
  for (const grant of asArray(root.objectPermissions)) {
    const objectName = text(grant, 'object');
    if (isCustomName(objectName) && !model.objects.get(objectName)?.definition) {
      problems.push(problem('missing-reference', file, `object ${objectName} is not defined`));
    }
  }
  for (const grant of asArray(root.classAccesses)) {
    const className = text(grant, 'apexClass');
    if (!model.classes.has(className)) {
      problems.push(problem('missing-reference', file, `Apex class ${className} is not defined`));
    }
  }
  for (const grant of asArray(root.customMetadataTypeAccesses)) {
    const typeName = text(grant, 'name');
    if (!model.objects.get(typeName)?.definition) {
      problems.push(
        problem('missing-reference', file, `custom metadata type ${typeName} is not defined`)
      );
    }
  }
  return problems;
}

function layout(file: string, model: MetadataModel): Problem[] {
  // Layout files are named <Object>-<Layout Name>.layout-meta.xml.
  const objectName = basename(file).split('-')[0];
  const root = child(parseXml(file), 'Layout');
  return children(root, 'layoutSections')
    .flatMap((section) => children(section, 'layoutColumns'))
    .flatMap((column) => children(column, 'layoutItems'))
    .map((item) => text(item, 'field'))
    .filter((field) => field)
    .flatMap((field) => missingField(model, file, `${objectName}.${field}`));
}

function compactLayout(file: string, model: MetadataModel): Problem[] {
  const objectName = /\/objects\/([^/]+)\/compactLayouts\//.exec(file)?.[1] ?? '';
  return children(child(parseXml(file), 'CompactLayout'), 'fields')
    .filter((field): field is string => typeof field === 'string')
    .flatMap((field) => missingField(model, file, `${objectName}.${field}`));
}

function flexiPage(file: string, model: MetadataModel): Problem[] {
  const raw = readFileSync(file, 'utf8');
  const objectName = text(child(parseXml(file), 'FlexiPage'), 'sobjectType');
  const problems: Problem[] = [];
  if (objectName) {
    // Field instances ("Record.Field__c") and visibility rules ("{!Record.Field__c}").
    const fields = new Set([...raw.matchAll(/Record\.(\w+)/g)].map((match) => match[1]));
    for (const field of fields)
      problems.push(...missingField(model, file, `${objectName}.${field}`));
  }
  // Standard components carry a namespace ("force:…", "flexipage:…"); ours are "c:x" or bare.
  for (const match of raw.matchAll(/<componentName>\s*(?:c:)?([A-Za-z]\w*)\s*<\/componentName>/g)) {
    if (!model.components.has(match[1])) {
      problems.push(
        problem('missing-reference', file, `component ${match[1]} is not in lwc/ or aura/`)
      );
    }
  }
  return problems;
}
