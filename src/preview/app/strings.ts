import { session } from '../platform/session';

/** A Finnish compound with a name: Asiakassalkku-välilehti, but Score Backtest -välilehti. */
const compound = (name: string, word: string) => `${name}${name.includes(' ') ? ' -' : '-'}${word}`;

/** "A- tai B -joukko": the shared end of the compound is written once, after the last name. */
const finnishAlternatives = (names: string[], word: string) =>
  names
    .map((name, i) => (i === names.length - 1 ? compound(name, word) : `${name}-`))
    .join(' tai ');

// The shell's own words (not deployed, so not Custom Labels). Baton's components take theirs
// from Custom Labels, switched by the same language setting.
const STRINGS = {
  en: {
    accounts: 'Accounts',
    portfolio: 'Portfolio',
    noAccessTitle: 'Insufficient privileges',
    noAccessText: (tab: string, sets: string[]) =>
      `You don’t have access to the ${tab} tab. ` +
      (sets.length
        ? `Ask your Salesforce admin for the ${sets.join(' or ')} permission set.`
        : 'Ask your Salesforce admin for access.'),
    allAccounts: 'All Accounts',
    account: 'Account',
    search: 'Search this list...',
    searchLabel: 'Search accounts',
    globalSearch: 'Search...',
    tier: 'Touch Tier',
    anyTier: 'All tiers',
    health: 'Health',
    anyHealth: 'All statuses',
    handover: 'Handover',
    anyHandover: 'All accounts',
    openHandovers: 'Handover under way',
    handoversWaitingOnMe: 'Handover waiting on me',
    overridden: 'override',
    healthScore: 'Score',
    accountManager: 'Account Manager',
    stage: 'Customer Stage',
    mrr: 'MRR',
    name: 'Account Name',
    item: 'item',
    items: 'items',
    persona: 'Persona',
    personaSeller: 'Seller',
    personaAccountManager: 'Account manager',
    personaLead: 'CS lead',
    personaAdmin: 'Admin',
    language: 'Language',
    notifications: 'Notifications',
    noNotifications: 'No new notifications.',
    mentionedYou: 'mentioned you',
    nextTouchpoint: 'Next Touchpoint',
    licenseTier: 'License Tier',
    website: 'Website',
    chatter: 'Chatter',
    post: 'Post',
    share: 'Share an update...',
    comment: 'Comment',
    writeComment: 'Write a comment...',
    noPosts: 'No posts yet.',
    loading: 'Loading',
    notPlaced: 'is placed on the page but not in force-app yet',
    close: 'Close',
    noAccounts: 'No accounts match.'
  },
  fi: {
    accounts: 'Asiakkaat',
    portfolio: 'Asiakassalkku',
    noAccessTitle: 'Riittämättömät oikeudet',
    noAccessText: (tab: string, sets: string[]) =>
      `Sinulla ei ole pääsyä ${compound(tab, 'välilehdelle')}. ` +
      (sets.length
        ? `Pyydä Salesforce-ylläpitäjältä ${finnishAlternatives(sets, 'käyttöoikeusjoukko')}.`
        : 'Pyydä käyttöoikeutta Salesforce-ylläpitäjältä.'),
    allAccounts: 'Kaikki asiakkaat',
    account: 'Asiakas',
    search: 'Hae tästä luettelosta...',
    searchLabel: 'Hae asiakkaita',
    globalSearch: 'Hae...',
    tier: 'Palvelutaso',
    anyTier: 'Kaikki tasot',
    health: 'Terveys',
    anyHealth: 'Kaikki tilat',
    handover: 'Luovutus',
    anyHandover: 'Kaikki asiakkaat',
    openHandovers: 'Luovutus kesken',
    handoversWaitingOnMe: 'Luovutus odottaa minua',
    overridden: 'asetettu käsin',
    healthScore: 'Pisteet',
    accountManager: 'Asiakkuuspäällikkö',
    stage: 'Asiakkuuden vaihe',
    mrr: 'MRR',
    name: 'Asiakkaan nimi',
    item: 'kohde',
    items: 'kohdetta',
    persona: 'Rooli',
    personaSeller: 'Myyjä',
    personaAccountManager: 'Asiakkuuspäällikkö',
    personaLead: 'Asiakkuuksien vetäjä',
    personaAdmin: 'Ylläpitäjä',
    language: 'Kieli',
    notifications: 'Ilmoitukset',
    noNotifications: 'Ei uusia ilmoituksia.',
    mentionedYou: 'mainitsi sinut',
    nextTouchpoint: 'Seuraava kohtaaminen',
    licenseTier: 'Lisenssitaso',
    website: 'Verkkosivusto',
    chatter: 'Chatter',
    post: 'Julkaise',
    share: 'Jaa päivitys...',
    comment: 'Kommentoi',
    writeComment: 'Kirjoita kommentti...',
    noPosts: 'Ei julkaisuja vielä.',
    loading: 'Ladataan',
    notPlaced: 'on sivulla mutta ei vielä force-appissa',
    close: 'Sulje',
    noAccounts: 'Ei osumia.'
  }
};

export type Strings = (typeof STRINGS)['en'];

export function strings(): Strings {
  return session().language === 'fi' ? STRINGS.fi : STRINGS.en;
}
