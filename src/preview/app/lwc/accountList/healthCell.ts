/** The health fields the Accounts list shows. */
export interface HealthFields {
  Health_Status__c?: string | null;
  Health_Score__c?: number | null;
  Health_Override__c?: string | null;
  Health_Override_Until__c?: string | null;
}

/**
 * The list's health cell: the status shown, marked when an account manager set it by hand
 * (an override still in force on `today`), and the stored score, which is none for a score
 * resting on too little data.
 */
export function healthCell(
  account: HealthFields,
  today: string,
  overriddenWord: string
): { status: string; overridden: boolean; score: number | '' } {
  const until = account.Health_Override_Until__c;
  const overridden = Boolean(account.Health_Override__c) && (!until || until >= today);
  const status = account.Health_Status__c ?? '';
  return {
    status: overridden && status ? `${status} (${overriddenWord})` : status,
    overridden,
    score: account.Health_Score__c ?? ''
  };
}
