import table from 'baton:labels';
import { session } from './session';

/** A Custom Label in the session's language, falling back to English as orgs do. */
export function label(name: string): string {
  const language = session().language;
  return table[language]?.[name] ?? table.en[name] ?? name;
}
