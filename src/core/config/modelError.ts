import { BatonError } from '../errors';
import type { MdtType } from './records';

/** A model error names the record and the field, e.g. `Health_Measure__mdt.NPS.Weight__c`. */
export function modelError(type: MdtType, record: string, field: string, message: string) {
  return new BatonError(
    'INVALID_MODEL',
    `${type}.${record}: ${field}: ${message}`,
    `${type}.${record}.${field}`
  );
}
