import { API, request } from './http';
import { WireAdapter } from './wire';

interface DescribeField {
  name: string;
  label: string;
  type: string;
  picklistValues?: { label: string; value: string; active?: boolean; defaultValue?: boolean }[];
}
interface Describe {
  name: string;
  label: string;
  fields: DescribeField[];
}

const describes = new Map<string, Promise<Describe>>();
const describe = (objectApiName: string): Promise<Describe> => {
  if (!describes.has(objectApiName)) {
    describes.set(
      objectApiName,
      request<Describe>('GET', `${API}/sobjects/${objectApiName}/describe`)
    );
  }
  return describes.get(objectApiName)!;
};

/** A picklist's active values in the order the org lists them, as a list view's filter offers them. */
export async function picklistValues(
  objectApiName: string,
  fieldApiName: string
): Promise<string[]> {
  const field = (await describe(objectApiName)).fields.find((f) => f.name === fieldApiName);
  return (field?.picklistValues ?? []).filter((v) => v.active !== false).map((v) => v.value);
}

type ObjectRef = string | { objectApiName: string };
type FieldRef = string | { objectApiName: string; fieldApiName: string };
const objectName = (ref: ObjectRef) => (typeof ref === 'string' ? ref : ref.objectApiName);

/** `@wire(getObjectInfo, { objectApiName })`, built from the local org's describe. */
export class getObjectInfo extends WireAdapter<{ objectApiName?: ObjectRef }> {
  async refresh(): Promise<void> {
    if (!this.config?.objectApiName) return;
    try {
      const info = await describe(objectName(this.config.objectApiName));
      const fields = Object.fromEntries(
        info.fields.map((f) => [f.name, { apiName: f.name, label: f.label, dataType: f.type }])
      );
      this.emit(
        {
          apiName: info.name,
          label: info.label,
          fields,
          defaultRecordTypeId: '012000000000000AAA'
        },
        undefined
      );
    } catch (error) {
      this.emit(undefined, error);
    }
  }
}

/** `@wire(getPicklistValues, { recordTypeId, fieldApiName })`. */
export class getPicklistValues extends WireAdapter<{
  recordTypeId?: string;
  fieldApiName?: FieldRef;
}> {
  async refresh(): Promise<void> {
    const field = this.config?.fieldApiName;
    if (!field) return;
    const [objectApiName, fieldApiName] =
      typeof field === 'string' ? field.split('.') : [field.objectApiName, field.fieldApiName];
    try {
      const info = await describe(objectApiName);
      const values = info.fields.find((f) => f.name === fieldApiName)?.picklistValues ?? [];
      const active = values.filter((v) => v.active !== false);
      this.emit(
        {
          values: active.map((v) => ({
            label: v.label,
            value: v.value,
            attributes: null,
            validFor: []
          })),
          defaultValue: active.find((v) => v.defaultValue) ?? null
        },
        undefined
      );
    } catch (error) {
      this.emit(undefined, error);
    }
  }
}
