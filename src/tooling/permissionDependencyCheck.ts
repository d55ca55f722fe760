import { definingObject, isCustomName, type MetadataModel } from './metadataModel';
import { problem, type Problem } from './problem';
import { asArray, child, parseXml, text } from './xmlCheck';

type Access = 'Read' | 'Create' | 'Edit' | 'Delete' | 'View All' | 'Modify All';

const FLAGS: Record<Access, string> = {
  Read: 'allowRead',
  Create: 'allowCreate',
  Edit: 'allowEdit',
  Delete: 'allowDelete',
  'View All': 'viewAllRecords',
  'Modify All': 'modifyAllRecords'
};

/** What each object permission needs beside it on the same object, as Salesforce enforces. */
const IMPLIES: Record<Access, Access[]> = {
  Read: [],
  Create: ['Read'],
  Edit: ['Read'],
  Delete: ['Read', 'Edit'],
  'View All': ['Read'],
  'Modify All': ['Read', 'Edit', 'Delete', 'View All']
};

/**
 * A permission set whose grants lack the grants they depend on is rejected by the deploy:
 * object permissions that need lesser ones, a detail object without Read on its master, and
 * field grants without Read on their object. A standard object the permission set does not
 * name at all (Task, Event) is taken as granted by the user's profile, since a permission set
 * cannot grant Task or Event and Salesforce accepts their field grants.
 */
export function checkPermissionDependencies(files: string[], model: MetadataModel): Problem[] {
  return files
    .filter((file) => file.endsWith('.permissionset-meta.xml'))
    .flatMap((file) => permissionSet(file, model));
}

function permissionSet(file: string, model: MetadataModel): Problem[] {
  const root = child(parseXml(file), 'PermissionSet');
  const granted = new Map<string, Set<Access>>();
  for (const grant of asArray(root.objectPermissions)) {
    const access = (Object.keys(FLAGS) as Access[]).filter(
      (name) => text(grant, FLAGS[name]) === 'true'
    );
    granted.set(text(grant, 'object'), new Set(access));
  }
  const problems: Problem[] = [];
  const needs = (what: string, objectName: string, access: Access) => {
    if (!granted.get(objectName)?.has(access)) {
      problems.push(
        problem('permission-dependency', file, `${what} needs ${access} on ${objectName}`)
      );
    }
  };
  for (const [objectName, accesses] of granted) {
    for (const access of accesses) {
      for (const needed of IMPLIES[access]) needs(`${access} on ${objectName}`, objectName, needed);
    }
    if (accesses.size === 0) continue;
    for (const master of mastersOf(model, objectName)) {
      needs(`access to ${objectName} (a detail of ${master})`, master, 'Read');
    }
  }
  for (const grant of asArray(root.fieldPermissions)) {
    const field = text(grant, 'field');
    const objectName = field.split('.')[0];
    const editable = text(grant, 'editable') === 'true';
    const readable = text(grant, 'readable') === 'true';
    if (editable && !readable) {
      problems.push(
        problem('permission-dependency', file, `Edit on field ${field} needs Read on it`)
      );
    }
    // An object that is not defined at all is the reference check's to report.
    const judged = isCustomName(objectName)
      ? Boolean(model.objects.get(objectName)?.definition)
      : granted.has(objectName);
    if ((editable || readable) && judged) {
      needs(`field ${field}`, objectName, 'Read');
    }
  }
  return problems;
}

function mastersOf(model: MetadataModel, objectName: string): string[] {
  const fields = model.objects.get(definingObject(objectName))?.fields ?? new Map();
  return [...fields.values()]
    .filter((field) => field.type === 'MasterDetail')
    .map((field) => field.referenceTo);
}
