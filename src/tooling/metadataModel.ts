import { basename } from 'node:path';
import { asArray, child, parseXml, text } from './xmlCheck';

/** What the reference checks need to know about one custom field. */
export type FieldInfo = {
  file: string;
  type: string;
  required: boolean;
  values: string[];
  defaults: string[];
  defaultValue: string;
  /** The object a lookup or master-detail field points at ('' for other types). */
  referenceTo: string;
  /** A text field's maximum length in characters (0 when it has none). */
  length: number;
};

/** The objects, fields, classes and components defined in a package directory. */
export type MetadataModel = {
  objects: Map<string, { definition?: string; fields: Map<string, FieldInfo> }>;
  /** Apex class name → its .cls file. */
  classes: Map<string, string>;
  components: Set<string>;
  labels: Set<string>;
};

const FIELD = /\/objects\/([^/]+)\/fields\/([^/]+)\.field-meta\.xml$/;
const OBJECT = /\/objects\/([^/]+)\/[^/]+\.object-meta\.xml$/;
const CLASS = /\/classes\/(?:.*\/)?([^/]+)\.cls$/;
const COMPONENT = /\/(?:lwc|aura)\/([^/]+)\/[^/]+$/;

export function loadModel(files: string[]): MetadataModel {
  const model: MetadataModel = {
    objects: new Map(),
    classes: new Map(),
    components: new Set(),
    labels: new Set()
  };
  const objectOf = (name: string) => {
    let entry = model.objects.get(name);
    if (!entry) {
      entry = { fields: new Map() };
      model.objects.set(name, entry);
    }
    return entry;
  };
  for (const file of files) {
    const field = FIELD.exec(file);
    const object = OBJECT.exec(file);
    if (field) objectOf(field[1]).fields.set(field[2], readField(file));
    else if (object) objectOf(object[1]).definition = file;
    else if (CLASS.test(file)) model.classes.set(basename(file, '.cls'), file);
    else if (file.endsWith('.labels-meta.xml'))
      readLabels(file).forEach((l) => model.labels.add(l));
    const component = COMPONENT.exec(file);
    if (component && !file.includes('/__tests__/')) model.components.add(component[1]);
  }
  return model;
}

function readField(file: string): FieldInfo {
  // A malformed field still exists for reference purposes; the XML check reports it.
  const root = child(parseXml(file) ?? {}, 'CustomField');
  const values = asArray(child(child(root, 'valueSet'), 'valueSetDefinition').value);
  return {
    file,
    type: text(root, 'type'),
    required: text(root, 'required') === 'true',
    values: values.map((value) => text(value, 'fullName')),
    defaults: values
      .filter((value) => text(value, 'default') === 'true')
      .map((v) => text(v, 'fullName')),
    defaultValue: text(root, 'defaultValue'),
    referenceTo: text(root, 'referenceTo'),
    length: Number(text(root, 'length')) || 0
  };
}

function readLabels(file: string): string[] {
  const root = child(parseXml(file) ?? {}, 'CustomLabels');
  return asArray(root.labels).map((label) => text(label, 'fullName'));
}

/** Task and Event custom fields are defined once, on Activity. */
export function definingObject(objectName: string): string {
  return objectName === 'Task' || objectName === 'Event' ? 'Activity' : objectName;
}

/** Standard objects and fields are the org's business; only custom ones must be in source. */
export function isCustomName(name: string): boolean {
  return /__(c|mdt)$/.test(name);
}
