import { alertMessage, decideAlert, owedAlertStatus, readAlertStatus } from './alerts';

const BANDS = ['Green', 'Yellow', 'Red'];
const decide = (
  previousStatus: string | null,
  newStatus: string,
  alertedStatus: string | null = null,
  overrideActive = false
) => decideAlert({ previousStatus, newStatus, alertedStatus, overrideActive, bandOrder: BANDS });

describe('health alerts', () => {
  it('alerts when the status falls to Red, from Green or Yellow', () => {
    expect(decide('Yellow', 'Red')).toEqual({ alert: true, alertStatus: 'Red' });
    expect(decide('Green', 'Red')).toEqual({ alert: true, alertStatus: 'Red' });
  });

  it('does not alert on a one-band drop above Red, on a first score or on staying Red', () => {
    expect(decide('Green', 'Yellow').alert).toBe(false);
    expect(decide(null, 'Red').alert).toBe(false);
    expect(decide('Insufficient data', 'Red').alert).toBe(false);
    expect(decide('Red', 'Red', 'Red').alert).toBe(false);
  });

  it('alerts once per drop: not again until the account has recovered', () => {
    expect(decide('Yellow', 'Red', 'Red')).toEqual({ alert: false, alertStatus: 'Red' });
    expect(decide('Red', 'Yellow', 'Red')).toEqual({ alert: false, alertStatus: null });
    expect(decide('Yellow', 'Red', null)).toEqual({ alert: true, alertStatus: 'Red' });
  });

  it('counts a two-band drop with more bands', () => {
    const bands = ['Green', 'Lime', 'Yellow', 'Orange', 'Red'];
    expect(
      decideAlert({
        previousStatus: 'Green',
        newStatus: 'Yellow',
        alertedStatus: null,
        overrideActive: false,
        bandOrder: bands
      }).alert
    ).toBe(true);
    expect(
      decideAlert({
        previousStatus: 'Green',
        newStatus: 'Lime',
        alertedStatus: null,
        overrideActive: false,
        bandOrder: bands
      }).alert
    ).toBe(false);
  });

  it('stays quiet while an account manager override is active', () => {
    expect(decide('Green', 'Red', null, true)).toEqual({ alert: false, alertStatus: null });
  });

  it('mentions the account manager and lists at most three reasons as plain text', () => {
    const segments = alertMessage({
      previousStatus: 'Yellow',
      newStatus: 'Red',
      score: 31,
      accountManagerId: '005000000000001AAA',
      drivers: ['NPS −20', '<b>Cases</b> −12', 'Usage −8', 'Billing −2'],
      key: 'mj0abc12'
    });
    expect(segments[0]).toEqual({
      type: 'Text',
      text: 'Customer health fell from Yellow to Red (score 31). '
    });
    expect(segments[1]).toEqual({ type: 'Mention', id: '005000000000001AAA' });
    const reasons = segments[3];
    expect(reasons.type === 'Text' && reasons.text).toBe(
      '\nTop reasons:\n• NPS −20\n• <b>Cases</b> −12\n• Usage −8'
    );
    // The key a rerun looks for on the feed before posting an alert it still owes.
    expect(segments[4]).toEqual({ type: 'Text', text: '\nBaton alert mj0abc12' });
  });

  it('reads the alert an interrupted run still owes from Health_Alert_Status__c', () => {
    const owed = { from: 'Yellow', to: 'Red', key: 'mj0abc12' };
    expect(owedAlertStatus(owed)).toBe('Pending Yellow>Red mj0abc12');
    expect(readAlertStatus(owedAlertStatus(owed))).toEqual({ status: 'Red', owed });
    expect(readAlertStatus('Red')).toEqual({ status: 'Red', owed: null });
    expect(readAlertStatus(null)).toEqual({ status: null, owed: null });
  });
});
