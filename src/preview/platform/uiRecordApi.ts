import { API, request } from './http';
import { picklistLabel } from './labels';
import { WireAdapter } from './wire';

/** A field reference: `'Account.Name'` or an `@salesforce/schema` import. */
export type FieldRef = string | { objectApiName: string; fieldApiName: string };

interface FieldValue {
  value: unknown;
  displayValue: string | null;
}
export interface RecordRepresentation {
  id: string;
  apiName: string;
  fields: Record<string, FieldValue>;
}

interface GetRecordConfig {
  recordId?: string;
  fields?: FieldRef | FieldRef[];
  optionalFields?: FieldRef | FieldRef[];
}

const fieldName = (field: FieldRef): string =>
  typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
const fieldList = (fields?: FieldRef | FieldRef[]): string[] =>
  fields === undefined ? [] : (Array.isArray(fields) ? fields : [fields]).map(fieldName);

const live = new Set<GetRecordAdapter>();

/** As the UI API answers a user: picklist display values in the user's language. */
function inUserLanguage(record: RecordRepresentation): RecordRepresentation {
  const fields: Record<string, FieldValue> = {};
  for (const [name, entry] of Object.entries(record.fields ?? {})) {
    const nested = entry.value && typeof entry.value === 'object';
    fields[name] = {
      value: nested ? inUserLanguage(entry.value as RecordRepresentation) : entry.value,
      displayValue:
        typeof entry.displayValue === 'string' && typeof entry.value === 'string'
          ? picklistLabel(`${record.apiName}.${name}`, entry.displayValue)
          : entry.displayValue
    };
  }
  return { ...record, fields };
}

/** `@wire(getRecord, { recordId, fields })`: the record from the local org's UI API. */
export class getRecord extends WireAdapter<GetRecordConfig> {
  connect(): void {
    live.add(this);
    super.connect();
  }

  disconnect(): void {
    live.delete(this);
    super.disconnect();
  }

  get recordId(): string | undefined {
    return this.config?.recordId;
  }

  async refresh(): Promise<void> {
    const config = this.config;
    if (!config?.recordId) return;
    const query = new URLSearchParams();
    const fields = fieldList(config.fields);
    const optional = fieldList(config.optionalFields);
    if (fields.length) query.set('fields', fields.join(','));
    if (optional.length) query.set('optionalFields', optional.join(','));
    try {
      const record = await request<RecordRepresentation>(
        'GET',
        `${API}/ui-api/records/${encodeURIComponent(config.recordId)}?${query}`
      );
      if (config === this.config) this.emit(inUserLanguage(record), undefined);
    } catch (error) {
      if (config === this.config) this.emit(undefined, error);
    }
  }
}
type GetRecordAdapter = getRecord;

/** Reads a field (also through relationships, `Account.Owner.Name`) from a record. */
function fieldOf(
  record: RecordRepresentation | undefined,
  field: FieldRef
): FieldValue | undefined {
  const path = fieldName(field).split('.').slice(1);
  let current: RecordRepresentation | undefined = record;
  for (let index = 0; index < path.length; index++) {
    const entry: FieldValue | undefined = current?.fields?.[path[index]];
    if (index === path.length - 1) return entry;
    current = entry?.value as RecordRepresentation | undefined;
  }
  return undefined;
}

export function getFieldValue(record: RecordRepresentation | undefined, field: FieldRef): unknown {
  return fieldOf(record, field)?.value;
}

export function getFieldDisplayValue(
  record: RecordRepresentation | undefined,
  field: FieldRef
): string | null | undefined {
  return fieldOf(record, field)?.displayValue;
}

/** Re-fetches every wired record with one of these ids, as Lightning Data Service does. */
export async function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void> {
  const ids = new Set(items.map((item) => item.recordId));
  await Promise.all(
    [...live].filter((a) => a.recordId && ids.has(a.recordId)).map((a) => a.refresh())
  );
}

/** Deprecated name for notifyRecordUpdateAvailable, still used by older components. */
export const getRecordNotifyChange = (items: { recordId: string }[]): void => {
  void notifyRecordUpdateAvailable(items);
};

/** Re-fetches every wired record (RefreshEvent, persona switch). */
export async function refreshAllRecords(): Promise<void> {
  await Promise.all([...live].map((adapter) => adapter.refresh()));
}

export async function createRecord(input: {
  apiName: string;
  fields: Record<string, unknown>;
}): Promise<RecordRepresentation> {
  const record = await request<RecordRepresentation>('POST', `${API}/ui-api/records`, input);
  return record;
}

export async function updateRecord(input: {
  fields: Record<string, unknown> & { Id?: string };
}): Promise<RecordRepresentation> {
  const { Id, ...fields } = input.fields;
  if (!Id) throw new Error('updateRecord needs fields.Id');
  const record = await request<RecordRepresentation>(
    'PATCH',
    `${API}/ui-api/records/${encodeURIComponent(Id)}`,
    { fields }
  );
  await notifyRecordUpdateAvailable([{ recordId: Id }]);
  return record;
}

export async function deleteRecord(recordId: string): Promise<void> {
  await request('DELETE', `${API}/ui-api/records/${encodeURIComponent(recordId)}`);
}
