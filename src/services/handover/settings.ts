import type { Connection } from 'jsforce';
import {
  HANDOVER_SETTING_TYPE,
  HandoverSettingRecord,
  parseHandoverSettings,
  type HandoverSettings
} from '../../core/handoverWays';

/** The org's Handover_Setting__mdt, as Apex reads getInstance('Default'), with the same defaults. */
export async function loadHandoverSettings(conn: Connection): Promise<HandoverSettings> {
  const fields = Object.keys(HandoverSettingRecord.shape).join(', ');
  const { records } = await conn.query<Record<string, unknown>>(
    `SELECT ${fields} FROM ${HANDOVER_SETTING_TYPE}`
  );
  return parseHandoverSettings(records.map(({ attributes: _attributes, ...row }) => row));
}

/**
 * Whether this user may do what an accept does, as the Apex asks Schema's isUpdateable of
 * Account.Account_Manager__c: the org's describe answers with the user's field-level security.
 */
export async function canAcceptAs(conn: Connection): Promise<boolean> {
  const { fields } = await conn.sobject('Account').describe();
  return fields.some((field) => field.name === 'Account_Manager__c' && field.updateable);
}
