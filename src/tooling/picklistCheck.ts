import { basename } from 'node:path';
import type { MetadataModel } from './metadataModel';
import { problem, type Problem } from './problem';
import { child, children, parseXml, text } from './xmlCheck';

/**
 * Picklist values that point nowhere: a field default that is not one of the field's values,
 * a single-select picklist with two defaults, and custom metadata records whose picklist
 * values (or fields) the type does not define. Each would fail the deploy or, worse, load
 * configuration Baton cannot match.
 */
export function checkPicklists(files: string[], model: MetadataModel): Problem[] {
  const problems: Problem[] = [];
  for (const [objectName, object] of model.objects) {
    for (const [fieldName, field] of object.fields) {
      if (!field.type.includes('Picklist')) continue;
      const where = `${objectName}.${fieldName}`;
      if (field.type === 'Picklist' && field.defaults.length > 1) {
        problems.push(
          problem('picklist', field.file, `${where} has ${field.defaults.length} defaults`)
        );
      }
      const formulaDefault = field.defaultValue.replace(/^"(.*)"$/, '$1');
      if (formulaDefault && !field.values.includes(formulaDefault)) {
        problems.push(
          problem(
            'picklist',
            field.file,
            `${where} default "${formulaDefault}" is not one of its values`
          )
        );
      }
    }
  }
  for (const file of files.filter((f) => f.endsWith('.md-meta.xml'))) {
    problems.push(...customMetadataRecord(file, model));
  }
  return problems;
}

function customMetadataRecord(file: string, model: MetadataModel): Problem[] {
  // Records are named <Type>.<Record>.md-meta.xml; the type's fields live in objects/<Type>__mdt.
  const typeName = `${basename(file).split('.')[0]}__mdt`;
  const type = model.objects.get(typeName);
  if (!type?.definition) {
    return [problem('missing-reference', file, `custom metadata type ${typeName} is not defined`)];
  }
  const problems: Problem[] = [];
  for (const entry of children(child(parseXml(file), 'CustomMetadata'), 'values')) {
    const fieldName = text(entry, 'field');
    const value = text(entry, 'value');
    const field = type.fields.get(fieldName);
    if (!field) {
      problems.push(
        problem('missing-reference', file, `field ${typeName}.${fieldName} is not defined`)
      );
    } else if (field.type === 'Picklist' && value && !field.values.includes(value)) {
      problems.push(
        problem('picklist', file, `"${value}" is not a value of ${typeName}.${fieldName}`)
      );
    }
  }
  return problems;
}
