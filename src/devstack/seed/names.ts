// Names for the demo book: Finnish B2B customers of a SaaS company, as in the source studies.
export const COMPANY_STEMS = [
  'Kalevala',
  'Pohjola',
  'Saimaa',
  'Lappi',
  'Aalto',
  'Kivi',
  'Revontuli',
  'Tunturi',
  'Koski',
  'Meri',
  'Järvi',
  'Metsä',
  'Kuusi',
  'Louhi',
  'Ilmari',
  'Sampo',
  'Otso',
  'Halla',
  'Ruska',
  'Kataja'
];
export const COMPANY_KINDS = [
  'Logistiikka',
  'Kiinteistöt',
  'Rakennus',
  'Energia',
  'Ohjelmistot',
  'Kauppa',
  'Terveys',
  'Konsultointi',
  'Media',
  'Teollisuus'
];
export const INDUSTRIES: Record<string, string> = {
  Logistiikka: 'Transportation',
  Kiinteistöt: 'Real Estate',
  Rakennus: 'Construction',
  Energia: 'Energy',
  Ohjelmistot: 'Technology',
  Kauppa: 'Retail',
  Terveys: 'Healthcare',
  Konsultointi: 'Consulting',
  Media: 'Media',
  Teollisuus: 'Manufacturing'
};
export const CITIES = [
  'Helsinki',
  'Espoo',
  'Tampere',
  'Turku',
  'Oulu',
  'Jyväskylä',
  'Kuopio',
  'Lahti'
];
export const FIRST_NAMES = [
  'Anna',
  'Liisa',
  'Maria',
  'Laura',
  'Elina',
  'Jukka',
  'Timo',
  'Mikael',
  'Ville',
  'Antti',
  'Petri',
  'Heidi'
];
export const LAST_NAMES = [
  'Laine',
  'Heikkinen',
  'Koskinen',
  'Järvinen',
  'Lehtonen',
  'Salminen',
  'Hämäläinen',
  'Rantanen',
  'Lindholm',
  'Heinonen'
];
export const TITLES = [
  'CEO',
  'CFO',
  'Head of Operations',
  'IT Manager',
  'Project Manager',
  'HR Director'
];
export const PRODUCTS = [
  'Baton Cloud Professional, 25 seats, 24-month term',
  'Baton Cloud Enterprise, 120 seats, SSO and API add-on',
  'Baton Cloud Starter, 5 seats, monthly',
  'Baton Cloud Professional, 60 seats, onboarding package'
];
