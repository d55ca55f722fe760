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
