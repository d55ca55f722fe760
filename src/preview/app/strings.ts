import { session } from '../platform/session';

// The shell's own words (not deployed, so not Custom Labels). Baton's components take theirs
// from Custom Labels, switched by the same language setting.
const STRINGS = {
  en: {
    accounts: 'Accounts',
    portfolio: 'Portfolio',
    noAccessTitle: 'Insufficient privileges',
    noAccessText:
      'You don’t have access to the Portfolio tab. Ask your Salesforce admin for the Baton CS lead permission set.',
    allAccounts: 'All Accounts',
    account: 'Account',
    search: 'Search this list...',
    searchLabel: 'Search accounts',
    globalSearch: 'Search...',
    tier: 'Touch Tier',
    anyTier: 'All tiers',
    health: 'Health',
    anyHealth: 'All statuses',
    overridden: 'override',
    healthScore: 'Score',
    accountManager: 'Account Manager',
    stage: 'Customer Stage',
    mrr: 'MRR',
    name: 'Account Name',
    item: 'item',
    items: 'items',
    persona: 'Persona',
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
    noAccessText:
      'Sinulla ei ole pääsyä Asiakassalkku-välilehdelle. Pyydä Salesforce-ylläpitäjältä Baton CS lead -käyttöoikeusjoukko.',
    allAccounts: 'Kaikki asiakkaat',
    account: 'Asiakas',
    search: 'Hae tästä luettelosta...',
    searchLabel: 'Hae asiakkaita',
    globalSearch: 'Hae...',
    tier: 'Palvelutaso',
    anyTier: 'Kaikki tasot',
    health: 'Terveys',
    anyHealth: 'Kaikki tilat',
    overridden: 'ohitettu',
    healthScore: 'Pisteet',
    accountManager: 'Asiakkuuspäällikkö',
    stage: 'Asiakkuuden vaihe',
    mrr: 'MRR',
    name: 'Asiakkaan nimi',
    item: 'kohde',
    items: 'kohdetta',
    persona: 'Rooli',
    language: 'Kieli',
    notifications: 'Ilmoitukset',
    noNotifications: 'Ei uusia ilmoituksia.',
    mentionedYou: 'mainitsi sinut',
    nextTouchpoint: 'Seuraava kontakti',
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
