import { signalsOf } from './accountSignals';
import { dayOfValue as dayOf } from '../../../core/dates';
import { SignalTable } from './signalTable';
import { statusOrder } from '../../../core/health/statuses';
import { loadProjectModel } from '../../../metadata/projectModel';

const MODEL_STATUSES = statusOrder(loadProjectModel());

const AS_OF = '2026-11-20';
const account = (id: string, extra: Record<string, unknown> = {}) => ({ Id: id, ...extra });

/** Every kind of signal folded in for the account at `i`. */
function fill(table: SignalTable, i: number) {
  table.addSurvey(i, 'NPS', 3, true);
  table.addSurvey(i, 'CSAT', 2, true);
  table.addUsage(i, '2026-11-01', 40, 900);
  table.addUsage(i, '2026-10-01', 50, 1000);
  table.addTouchpoint(i, '2026-11-10');
  table.addPreviousScore(i, '2026-11-19', 71);
  table.openHighCases[i] = 2;
  table.escalations[i] = 1;
}

describe('SignalTable.clear', () => {
  it('leaves the table as a new one: a reused wave table carries nothing into the next wave', () => {
    const used = new SignalTable(2, MODEL_STATUSES);
    used.addAccount(
      account('001000000000001AAA', {
        Touch_Tier__c: 'High',
        Contract_Start__c: '2025-01-01',
        Onboarding_Started__c: '2025-01-05',
        First_Value_At__c: '2025-02-01',
        Licensed_Seats__c: '50',
        Overdue_Invoices__c: '1',
        CSM_Sentiment__c: 'Negative',
        CSM_Sentiment_Date__c: '2026-11-01',
        Health_Status__c: 'Red',
        Health_Alert_Status__c: 'Red',
        Health_Override__c: 'Green',
        Health_Override_Until__c: '2026-12-31'
      })
    );
    used.addAccount(account('001000000000002AAA'));
    fill(used, 0);
    used.addAccount(account('001000000000003AAA')); // over capacity: ignored
    expect(used.ignoredRows).toBe(1);

    used.clear();
    const fresh = new SignalTable(2, MODEL_STATUSES);
    for (const table of [used, fresh]) table.addAccount(account('001000000000009AAA'));

    expect(used.size).toBe(1);
    expect(used.ignoredRows).toBe(0);
    expect(used.indexOf('001000000000001AAA')).toBe(-1);
    expect(used.indexOf('001000000000009')).toBe(0);
    const day = dayOf(AS_OF);
    expect(signalsOf(used, 0, day, AS_OF)).toEqual(signalsOf(fresh, 0, day, AS_OF));
    // The second slot, never refilled, is as new too (the next wave's account lands there).
    for (const table of [used, fresh]) table.addAccount(account('001000000000008AAA'));
    expect(signalsOf(used, 1, day, AS_OF)).toEqual(signalsOf(fresh, 1, day, AS_OF));
  });
});

describe('SignalTable.indexOf', () => {
  it('finds an account by its 15- or 18-character Id, asked for again and again or in turns', () => {
    const table = new SignalTable(3, MODEL_STATUSES);
    expect(table.indexOf('001000000000002AAA')).toBe(-1);
    for (const id of ['001000000000001AAA', '001000000000002AAA']) table.addAccount(account(id));
    // Asked for before it was added: found once it is.
    expect(table.indexOf('001000000000002AAA')).toBe(1);
    const asked = [
      '001000000000001AAA',
      '001000000000001AAA',
      '001000000000001',
      '001000000000002AAA',
      '001000000000003AAA',
      '001000000000003AAA',
      undefined,
      '001000000000002'
    ];
    expect(asked.map((id) => table.indexOf(id))).toEqual([0, 0, 0, 1, -1, -1, -1, 1]);
    table.clear();
    expect(table.indexOf('001000000000002')).toBe(-1);
  });
});
