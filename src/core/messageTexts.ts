/**
 * The words of Baton's Chatter posts and comments and of the touchpoint Tasks, by language. The Custom Labels
 * Baton_Post_* and Baton_Task_* (English, Finnish translation) are the source: Apex reads them with
 * System.Label.get(null, name, language), and messageTexts.test.ts keeps this catalogue equal
 * to them, since the pure core reads no files.
 */
export const MESSAGE_LANGUAGES = ['en', 'fi'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export const MESSAGE_TEXTS = {
  en: {
    Baton_Post_Submit: 'handover {0} for {1} is ready for you.',
    Baton_Post_Submit_No_Account: 'handover {0} for the account is ready for you.',
    Baton_Post_Fact_What_Was_Sold: 'What was sold',
    Baton_Post_Fact_Success_Criteria: 'Success criteria (first 2 months)',
    Baton_Post_Fact_Promises: 'Promises and special arrangements',
    Baton_Post_Fact_Risks: 'Risks and blockers',
    Baton_Post_Open_Handover: 'Open the handover:',
    Baton_Post_Accepted: 'handover {0} accepted. Onboarding has started.',
    Baton_Post_Returned: 'handover {0} was returned: {1}',
    Baton_Task_Kickoff: 'Kickoff meeting',
    Baton_Task_First_Contact: 'First contact',
    Baton_Task_Welcome: 'Automated welcome',
    Baton_Task_Success_Check: 'Success check ({0} days)',
    Baton_Task_Goal_Review: 'Goal review ({0} days)',
    Baton_Task_Csat_Survey: 'Automated CSAT survey',
    Baton_Task_Recurring_Meeting: 'Recurring meeting (every {0} days)'
  },
  fi: {
    Baton_Post_Submit: 'luovutus {0} asiakkuudesta {1} odottaa vastaustasi.',
    Baton_Post_Submit_No_Account: 'luovutus {0} odottaa vastaustasi.',
    Baton_Post_Fact_What_Was_Sold: 'Mitä myytiin',
    Baton_Post_Fact_Success_Criteria: 'Onnistumiskriteerit (2 ensimmäistä kuukautta)',
    Baton_Post_Fact_Promises: 'Lupaukset ja erityisjärjestelyt',
    Baton_Post_Fact_Risks: 'Riskit ja esteet',
    Baton_Post_Open_Handover: 'Avaa luovutus:',
    Baton_Post_Accepted: 'luovutus {0} hyväksytty. Käyttöönotto on alkanut.',
    Baton_Post_Returned: 'luovutus {0} palautettiin: {1}',
    Baton_Task_Kickoff: 'Aloituspalaveri',
    Baton_Task_First_Contact: 'Ensimmäinen yhteydenotto',
    Baton_Task_Welcome: 'Automaattinen tervetuloviesti',
    Baton_Task_Success_Check: 'Onnistumisen tarkistus ({0} päivää)',
    Baton_Task_Goal_Review: 'Tavoitteiden katselmointi ({0} päivää)',
    Baton_Task_Csat_Survey: 'Automaattinen tyytyväisyyskysely',
    Baton_Task_Recurring_Meeting: 'Säännöllinen tapaaminen ({0} päivän välein)'
  }
} as const satisfies Record<MessageLanguage, Record<string, string>>;

export type MessageTextName = keyof (typeof MESSAGE_TEXTS)['en'];

/** The language to write in for a user's LanguageLocaleKey ('fi', 'en_US'…); English otherwise. */
export function messageLanguage(languageLocaleKey: string | null | undefined): MessageLanguage {
  return languageLocaleKey?.toLowerCase().startsWith('fi') ? 'fi' : 'en';
}

/** A text with {0}, {1}… filled in, as Salesforce formats a Custom Label. */
export function messageText(
  language: MessageLanguage,
  name: MessageTextName,
  ...values: string[]
): string {
  return MESSAGE_TEXTS[language][name].replace(
    /\{(\d+)\}/g,
    (_, index: string) => values[Number(index)] ?? ''
  );
}
