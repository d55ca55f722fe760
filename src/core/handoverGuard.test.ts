import { handoverWriteProblem } from './handoverGuard';

const am = { userId: '005000000000001AAA', managesHandovers: false };
const seller = { userId: '005000000000002AAA', managesHandovers: false };
const submitted = {
  Status__c: 'Submitted',
  Account_Manager__c: am.userId,
  What_Was_Sold__c: 'Baton Pro'
};

describe('handoverWriteProblem', () => {
  it('lets a draft be created and edited, and submitted', () => {
    expect(handoverWriteProblem(null, { Status__c: 'Draft' }, seller)).toBeNull();
    expect(handoverWriteProblem(null, {}, seller)).toBeNull();
    const draft = { Status__c: 'Draft', What_Was_Sold__c: 'a' };
    expect(handoverWriteProblem(draft, { ...draft, What_Was_Sold__c: 'b' }, seller)).toBeNull();
    expect(handoverWriteProblem(draft, { ...draft, Status__c: 'Submitted' }, seller)).toBeNull();
  });

  it('refuses skipping a step, whoever writes', () => {
    const draft = { Status__c: 'Draft', Account_Manager__c: am.userId };
    expect(handoverWriteProblem(draft, { ...draft, Status__c: 'Accepted' }, am)?.code).toBe(
      'ILLEGAL_TRANSITION'
    );
    const accepted = { ...submitted, Status__c: 'Accepted' };
    expect(handoverWriteProblem(accepted, { ...accepted, Status__c: 'Draft' }, am)?.code).toBe(
      'ILLEGAL_TRANSITION'
    );
  });

  it('lets only the addressee answer, comparing 15- and 18-character Ids', () => {
    const accept = { ...submitted, Status__c: 'Accepted' };
    expect(handoverWriteProblem(submitted, accept, seller)?.code).toBe('NOT_THE_ADDRESSEE');
    const as15 = { userId: am.userId.slice(0, 15), managesHandovers: false };
    expect(handoverWriteProblem(submitted, accept, as15)).toBeNull();
  });

  it('locks the content of a submitted handover but not its lifecycle fields', () => {
    const edited = { ...submitted, What_Was_Sold__c: 'Baton Lite' };
    expect(handoverWriteProblem(submitted, edited, seller)).toMatchObject({
      code: 'HANDOVER_LOCKED',
      fields: ['What_Was_Sold__c']
    });
    const posted = { ...submitted, Feed_Element_Id__c: '0D5000000000001AAA' };
    expect(handoverWriteProblem(submitted, posted, seller)).toBeNull();
  });

  it('lets a holder of Baton_Manage_Handovers load any status', () => {
    const loader = { userId: seller.userId, managesHandovers: true };
    expect(handoverWriteProblem(null, { Status__c: 'Accepted' }, loader)).toBeNull();
  });

  it("says each refusal in the writer's language, naming statuses as the labels do", () => {
    const draft = { Status__c: 'Draft', Account_Manager__c: am.userId };
    const texts = (language: 'en' | 'fi') => [
      handoverWriteProblem(null, { Status__c: 'Accepted' }, seller, language)?.message,
      handoverWriteProblem(draft, { ...draft, Status__c: 'Accepted' }, am, language)?.message,
      handoverWriteProblem(submitted, { ...submitted, Status__c: 'Accepted' }, seller, language)
        ?.message,
      handoverWriteProblem(submitted, { ...submitted, What_Was_Sold__c: 'x' }, seller, language)
        ?.message
    ];
    expect(texts('en')).toEqual([
      'A new handover starts as Draft, not Accepted: save it, then submit it.',
      'A handover that is Draft cannot become Accepted.',
      'Only the receiving account manager can accept or return this handover.',
      'A Submitted handover cannot be edited: What_Was_Sold__c.'
    ]);
    expect(texts('fi')).toEqual([
      'Uusi luovutus aloitetaan tilassa Luonnos, ei tilassa Hyväksytty: tallenna se ensin ja lähetä sitten.',
      'Luovutuksen tilaa Luonnos ei voi muuttaa tilaksi Hyväksytty.',
      'Vain vastaanottava asiakkuuspäällikkö voi hyväksyä tai palauttaa tämän luovutuksen.',
      'Luovutusta, jonka tila on Lähetetty, ei voi muokata: What_Was_Sold__c.'
    ]);
  });
});
