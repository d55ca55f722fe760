/** An error the local org answers with, in Salesforce's shape `[{ errorCode, message, fields }]`. */
export class OrgError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields: string[] = []
  ) {
    super(message);
    this.name = 'OrgError';
  }

  toBody() {
    return [{ errorCode: this.errorCode, message: this.message, fields: this.fields }];
  }
}

export const notFound = (what = 'The requested resource does not exist') =>
  new OrgError(404, 'NOT_FOUND', what);
export const invalidType = (type: string) =>
  new OrgError(404, 'INVALID_TYPE', `sObject type '${type}' is not supported.`);
export const invalidField = (object: string, field: string) =>
  new OrgError(400, 'INVALID_FIELD', `No such column '${field}' on sobject of type ${object}`, [
    field
  ]);
export const malformedQuery = (message: string) => new OrgError(400, 'MALFORMED_QUERY', message);

/** An upsert whose key matches more than one record: an org refuses to choose. */
export const multipleChoices = (field: string, value: string) =>
  new OrgError(300, 'MULTIPLE_CHOICES', `More than one record found for ${field} = ${value}`, [
    field
  ]);

export const malformedId = (id: string) =>
  new OrgError(400, 'MALFORMED_ID', `Malformed id: ${id}`, ['Id']);

/** A system field (CreatedDate, Name of a Contact, …) named in a write. */
export const notWritable = (field: string) =>
  new OrgError(
    400,
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${field}. Please check the security settings of this field.`,
    [field]
  );

export const requiredMissing = (fields: string[]) =>
  new OrgError(
    400,
    'REQUIRED_FIELD_MISSING',
    `Required fields are missing: [${fields.join(', ')}]`,
    fields
  );

/** A lookup to a record that does not exist or is deleted. */
export const invalidReference = (field: { name: string; label: string }, value: unknown) =>
  new OrgError(
    400,
    'INVALID_CROSS_REFERENCE_KEY',
    `${field.label}: id value of incorrect type: ${String(value)}`,
    [field.name]
  );

/** A lookup to a record that exists but is of an object the field does not point to. */
export const wrongReferenceType = (field: { name: string; label: string }, value: unknown) =>
  new OrgError(
    400,
    'FIELD_INTEGRITY_EXCEPTION',
    `${field.label}: id value of incorrect type: ${String(value)}`,
    [field.name]
  );

/** An update or delete of a record in the recycle bin. */
export const entityIsDeleted = () => new OrgError(404, 'ENTITY_IS_DELETED', 'entity is deleted');

/** An upsert keyed on a field that is neither Id nor an External ID. */
export const notAnExternalId = (field: string, object: string) =>
  new OrgError(
    400,
    'INVALID_FIELD',
    `${field} is not an External ID or indexed field for ${object}`,
    [field]
  );
