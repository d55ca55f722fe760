import table from 'baton:labels';
import picklists from 'baton:picklists';
import { session } from './session';

/** A Custom Label in the session's language, falling back to English as orgs do. */
export function label(name: string): string {
  const language = session().language;
  return table[language]?.[name] ?? table.en[name] ?? name;
}

/**
 * A picklist value's label in the session's language (the field's translation in force-app's
 * objectTranslations), as the org shows it to a user of that language; the label as given
 * (the master label) otherwise.
 * @param field `Object.Field__c`
 */
export function picklistLabel(field: string, label: string): string {
  return picklists[session().language]?.[field]?.[label] ?? label;
}
