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
    Baton_Post_Own_Handover:
      'Handover {0} for {1} is complete: the seller is also the account manager, so nothing waits for an answer and the touchpoints are planned.',
    Baton_Post_Early_Account_Manager:
      "you are the proposed account manager of {1}: the deal {0} has reached its last stage before the close. Before the win, join the last sales meetings, meet the decision-makers, and note the customer's success criteria for the first 2 months, the promises made and the technical needs; the handover after the win will come to you.",
    Baton_Post_Accepted: 'handover {0} accepted. Onboarding has started.',
    Baton_Post_Accepted_Existing:
      "handover {0} accepted. The customer keeps its stage and plan; the handover's first contact and success check were added.",
    Baton_Post_Accepted_New_AM:
      'handover {0} accepted. The new account manager has taken over the account and its open touchpoints.',
    Baton_Post_Returned: 'handover {0} was returned: {1}',
    Baton_Post_Escalation:
      'handover {0} is overdue: {1} has not answered it since it was due {2}. Please follow up:',
    Baton_Post_Reminder:
      'handover {0} is waiting for your answer: it was due {1}. Accept it or return it to the seller:',
    Baton_Post_Drafted:
      'handover {0} for {1} was drafted from this won deal. Check each pre-filled field, then submit it:',
    Baton_Post_Drafted_No_Account:
      'handover {0} was drafted from this won deal. Check each pre-filled field, then submit it:',
    Baton_Task_Kickoff: 'Kickoff meeting',
    Baton_Task_First_Contact: 'First contact',
    Baton_Task_Welcome: 'Automated welcome',
    Baton_Task_Success_Check: 'Success check ({0} days)',
    Baton_Task_Goal_Review: 'Goal review ({0} days)',
    Baton_Task_Csat_Survey: 'Automated CSAT survey',
    Baton_Task_Recurring_Meeting: 'Recurring meeting (every {0} days)',
    Baton_Handover_Error_Missing_Fields: '{0} touch handover needs: {1}.',
    Baton_Handover_Error_At_Least: '{0} (at least {1})',
    Baton_Handover_Error_Return_Reason: 'Give a return reason so the seller knows what to fix.',
    Baton_Handover_Error_Cannot_Accept: 'Handover {0}: Cannot accept a handover that is {1}.',
    Baton_Handover_Error_Cannot_Return: 'Handover {0}: Cannot return a handover that is {1}.',
    Baton_Handover_Error_Cannot_Save: 'Handover {0}: Cannot save a handover that is {1}.',
    Baton_Handover_Error_Cannot_Submit: 'Handover {0}: Cannot submit a handover that is {1}.',
    Baton_Handover_Error_Not_Addressee:
      'Only the receiving account manager can accept or return handover {0}.',
    Baton_Handover_Error_Open_Exists:
      '{0} is still open ({1}) on this account: finish or answer it before starting another handover.',
    Baton_Handover_Error_Record_Changed:
      'Someone changed this handover since you opened it; reload to see their changes.',
    Baton_Handover_Error_Answer_Addressee:
      'Only the receiving account manager can accept or return this handover.',
    Baton_Handover_Error_Cannot_Become: 'A handover that is {0} cannot become {1}.',
    Baton_Handover_Error_Locked: 'A {0} handover cannot be edited: {1}.',
    Baton_Handover_Error_New_Not_Draft:
      'A new handover starts as Draft, not {0}: save it, then submit it.',
    Baton_Handover_Status_Draft: 'Draft',
    Baton_Handover_Status_Submitted: 'Submitted',
    Baton_Handover_Status_Accepted: 'Accepted',
    Baton_Handover_Status_Returned: 'Returned'
  },
  fi: {
    Baton_Post_Submit: 'luovutus {0} asiakkuudesta {1} odottaa vastaustasi.',
    Baton_Post_Submit_No_Account: 'luovutus {0} odottaa vastaustasi.',
    Baton_Post_Fact_What_Was_Sold: 'Mitä myytiin',
    Baton_Post_Fact_Success_Criteria: 'Onnistumiskriteerit (2 ensimmäistä kuukautta)',
    Baton_Post_Fact_Promises: 'Lupaukset ja erityisjärjestelyt',
    Baton_Post_Fact_Risks: 'Riskit ja esteet',
    Baton_Post_Open_Handover: 'Avaa luovutus:',
    Baton_Post_Own_Handover:
      'Luovutus {0} asiakkuudesta {1} on valmis: myyjä on myös asiakkuuspäällikkö, joten vastausta ei odoteta ja kohtaamiset on suunniteltu.',
    Baton_Post_Early_Account_Manager:
      'sinut on ehdotettu asiakkuuden {1} asiakkuuspäälliköksi: kauppa {0} on viimeisessä vaiheessaan ennen solmimista. Osallistu ennen kauppaa viimeisiin myyntitapaamisiin, tapaa päättäjät ja kirjaa asiakkaan onnistumiskriteerit kahdelle ensimmäiselle kuukaudelle, tehdyt lupaukset ja tekniset tarpeet; kaupan jälkeinen luovutus tulee sinulle.',
    Baton_Post_Accepted: 'luovutus {0} hyväksytty. Käyttöönotto on alkanut.',
    Baton_Post_Accepted_Existing:
      'luovutus {0} hyväksytty. Asiakkuuden vaihe ja suunnitelma säilyvät; luovutuksen ensimmäinen yhteydenotto ja onnistumisen tarkistus lisättiin.',
    Baton_Post_Accepted_New_AM:
      'luovutus {0} hyväksytty. Uusi asiakkuuspäällikkö on ottanut asiakkuuden ja sen avoimet kohtaamiset hoitaakseen.',
    Baton_Post_Returned: 'luovutus {0} palautettiin: {1}',
    Baton_Post_Escalation:
      'luovutus {0} on myöhässä: {1} ei ole vastannut siihen määräpäivään {2} mennessä. Selvitäthän tilanteen:',
    Baton_Post_Reminder:
      'luovutus {0} odottaa vastaustasi: vastauksen määräpäivä oli {1}. Hyväksy luovutus tai palauta se myyjälle:',
    Baton_Post_Drafted:
      'luovutus {0} asiakkuudesta {1} on luonnosteltu tästä voitetusta kaupasta. Tarkista esitäytetyt kentät ja lähetä luovutus:',
    Baton_Post_Drafted_No_Account:
      'luovutus {0} on luonnosteltu tästä voitetusta kaupasta. Tarkista esitäytetyt kentät ja lähetä luovutus:',
    Baton_Task_Kickoff: 'Aloituspalaveri',
    Baton_Task_First_Contact: 'Ensimmäinen yhteydenotto',
    Baton_Task_Welcome: 'Automaattinen tervetuloviesti',
    Baton_Task_Success_Check: 'Onnistumisen tarkistus ({0} päivää)',
    Baton_Task_Goal_Review: 'Tavoitteiden katselmointi ({0} päivää)',
    Baton_Task_Csat_Survey: 'Automaattinen tyytyväisyyskysely',
    Baton_Task_Recurring_Meeting: 'Säännöllinen tapaaminen ({0} päivän välein)',
    Baton_Handover_Error_Missing_Fields: 'Palvelutaso {0} vaatii luovutukseen vielä: {1}.',
    Baton_Handover_Error_At_Least: '{0} (vähintään {1})',
    Baton_Handover_Error_Return_Reason: 'Kerro palautuksen syy, jotta myyjä tietää, mitä korjata.',
    Baton_Handover_Error_Cannot_Accept: 'Luovutusta {0} ei voi hyväksyä, kun sen tila on {1}.',
    Baton_Handover_Error_Cannot_Return: 'Luovutusta {0} ei voi palauttaa, kun sen tila on {1}.',
    Baton_Handover_Error_Cannot_Save: 'Luovutusta {0} ei voi tallentaa, kun sen tila on {1}.',
    Baton_Handover_Error_Cannot_Submit: 'Luovutusta {0} ei voi lähettää, kun sen tila on {1}.',
    Baton_Handover_Error_Not_Addressee:
      'Vain vastaanottava asiakkuuspäällikkö voi hyväksyä tai palauttaa luovutuksen {0}.',
    Baton_Handover_Error_Open_Exists:
      '{0} on yhä avoinna ({1}) tällä asiakkuudella: vie se loppuun tai vastaa siihen ennen kuin aloitat uuden luovutuksen.',
    Baton_Handover_Error_Record_Changed:
      'Joku muutti luovutusta sen jälkeen, kun avasit sen. Lataa sivu uudelleen nähdäksesi muutokset.',
    Baton_Handover_Error_Answer_Addressee:
      'Vain vastaanottava asiakkuuspäällikkö voi hyväksyä tai palauttaa tämän luovutuksen.',
    Baton_Handover_Error_Cannot_Become: 'Luovutuksen tilaa {0} ei voi muuttaa tilaksi {1}.',
    Baton_Handover_Error_Locked: 'Luovutusta, jonka tila on {0}, ei voi muokata: {1}.',
    Baton_Handover_Error_New_Not_Draft:
      'Uusi luovutus aloitetaan tilassa Luonnos, ei tilassa {0}: tallenna se ensin ja lähetä sitten.',
    Baton_Handover_Status_Draft: 'Luonnos',
    Baton_Handover_Status_Submitted: 'Lähetetty',
    Baton_Handover_Status_Accepted: 'Hyväksytty',
    Baton_Handover_Status_Returned: 'Palautettu'
  }
} as const satisfies Record<MessageLanguage, Record<string, string>>;

export type MessageTextName = keyof (typeof MESSAGE_TEXTS)['en'];

/** The language to write in for a user's LanguageLocaleKey ('fi', 'en_US'…); English otherwise. */
export function messageLanguage(languageLocaleKey: string | null | undefined): MessageLanguage {
  return languageLocaleKey?.toLowerCase().startsWith('fi') ? 'fi' : 'en';
}

/**
 * A day (YYYY-MM-DD) as the reader writes it: 9.12.2026 in Finnish, otherwise as given (ISO),
 * digits only so no month name is left untranslated; Apex BatonMessageText.dateFor mirrors it.
 */
export function messageDate(language: MessageLanguage, isoDay: string): string {
  if (language !== 'fi') return isoDay;
  const [year, month, day] = isoDay.slice(0, 10).split('-');
  return `${Number(day)}.${Number(month)}.${year}`;
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
