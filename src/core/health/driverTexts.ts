/**
 * The words of a health driver's facts ("3 detractors of 5 responses"), by language. The
 * Custom Labels Baton_Driver_* (English, and each translation in force-app) are the source:
 * driverTexts.test.ts keeps this catalogue equal to them, since the pure core reads no files.
 * {0}, {1}, {2} are filled as Salesforce fills a Custom Label; `_One` is said of exactly one.
 */
const EN = {
  Baton_Driver_Seats: '{0} of {1} seats active ({2} %)',
  Baton_Driver_Logins: '{0} logins in 30 days vs {1} before ({2} %)',
  Baton_Driver_First_Value_One: 'first value after {0} day',
  Baton_Driver_First_Value_Many: 'first value after {0} days',
  Baton_Driver_No_First_Value_One: 'no first value yet after {0} day',
  Baton_Driver_No_First_Value_Many: 'no first value yet after {0} days',
  Baton_Driver_Detractors_One: '{0} detractor',
  Baton_Driver_Detractors_Many: '{0} detractors',
  Baton_Driver_Passives_One: '{0} passive',
  Baton_Driver_Passives_Many: '{0} passives',
  Baton_Driver_Nps_Both: '{0} and {1}',
  Baton_Driver_Nps_One: '{0} of {1} response',
  Baton_Driver_Nps_Many: '{0} of {1} responses',
  Baton_Driver_Csat_One: '{0} of {1} response satisfied (4–5)',
  Baton_Driver_Csat_Many: '{0} of {1} responses satisfied (4–5)',
  Baton_Driver_Ces_One: 'mean effort score {0} of 7 ({1} response)',
  Baton_Driver_Ces_Many: 'mean effort score {0} of 7 ({1} responses)',
  Baton_Driver_Decimal_Separator: '.',
  Baton_Driver_Cadence_One: '{0} day since the last meeting (every {1} days)',
  Baton_Driver_Cadence_Many: '{0} days since the last meeting (every {1} days)',
  Baton_Driver_Support_One: '{0} open high-priority case or escalation',
  Baton_Driver_Support_Many: '{0} open high-priority cases or escalations',
  Baton_Driver_Billing_One: '{0} overdue invoice',
  Baton_Driver_Billing_Many: '{0} overdue invoices',
  Baton_Driver_Sentiment: 'CSM sentiment {0}',
  Baton_Driver_Sentiment_Positive: 'Positive',
  Baton_Driver_Sentiment_Neutral: 'Neutral',
  Baton_Driver_Sentiment_Negative: 'Negative'
} as const;

export type DriverTextName = keyof typeof EN;
/** One language's words for every driver fact. */
export type DriverTexts = Record<DriverTextName, string>;

export const DRIVER_TEXTS: Record<'en' | 'fi', DriverTexts> = {
  en: EN,
  fi: {
    Baton_Driver_Seats: '{0}/{1} lisenssistä käytössä ({2} %)',
    Baton_Driver_Logins: '{0} kirjautumista 30 päivässä, edellisellä jaksolla {1} ({2} %)',
    Baton_Driver_First_Value_One: 'ensimmäinen hyöty {0} päivässä',
    Baton_Driver_First_Value_Many: 'ensimmäinen hyöty {0} päivässä',
    Baton_Driver_No_First_Value_One: 'ei vielä hyötyä {0} päivän jälkeen',
    Baton_Driver_No_First_Value_Many: 'ei vielä hyötyä {0} päivän jälkeen',
    Baton_Driver_Detractors_One: '{0} arvostelija',
    Baton_Driver_Detractors_Many: '{0} arvostelijaa',
    Baton_Driver_Passives_One: '{0} passiivinen',
    Baton_Driver_Passives_Many: '{0} passiivista',
    Baton_Driver_Nps_Both: '{0} ja {1}',
    Baton_Driver_Nps_One: '{0} {1} vastaajasta',
    Baton_Driver_Nps_Many: '{0} {1} vastaajasta',
    Baton_Driver_Csat_One: '{0}/{1} vastaajasta tyytyväinen (4–5)',
    Baton_Driver_Csat_Many: '{0}/{1} vastaajasta tyytyväisiä (4–5)',
    Baton_Driver_Ces_One: 'helppouden keskiarvo {0}/7 ({1} vastaus)',
    Baton_Driver_Ces_Many: 'helppouden keskiarvo {0}/7 ({1} vastausta)',
    Baton_Driver_Decimal_Separator: ',',
    Baton_Driver_Cadence_One: '{0} päivä edellisestä tapaamisesta ({1} päivän välein)',
    Baton_Driver_Cadence_Many: '{0} päivää edellisestä tapaamisesta ({1} päivän välein)',
    Baton_Driver_Support_One: '{0} avoin kiireellinen tukipyyntö tai eskalaatio',
    Baton_Driver_Support_Many: '{0} avointa kiireellistä tukipyyntöä tai eskalaatiota',
    Baton_Driver_Billing_One: '{0} erääntynyt lasku',
    Baton_Driver_Billing_Many: '{0} erääntynyttä laskua',
    Baton_Driver_Sentiment: 'asiakkuuspäällikön arvio {0}',
    Baton_Driver_Sentiment_Positive: 'myönteinen',
    Baton_Driver_Sentiment_Neutral: 'neutraali',
    Baton_Driver_Sentiment_Negative: 'kielteinen'
  }
};
