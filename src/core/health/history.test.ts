import {
  DEFAULT_HISTORY_POLICY,
  HistoryThinning,
  historyPolicyOf,
  snapshotReason,
  snapshotsToDelete,
  type SnapshotState
} from './history';

const policy = { ...DEFAULT_HISTORY_POLICY, scoreMovePoints: 3 };
const state = (day: number, patch: Partial<SnapshotState> = {}): SnapshotState => ({
  day,
  score: 70,
  status: 'Green',
  coverage: 0.8,
  override: null,
  ...patch
});

describe('snapshotReason', () => {
  it('writes what a reader would notice and nothing else', () => {
    const latest = state(100);
    expect(snapshotReason(null, state(100), policy, 0.5)).toBe('first');
    expect(snapshotReason(latest, state(100, { score: 71 }), policy, 0.5)).toBe('sameDay');
    expect(snapshotReason(latest, state(101, { score: 72 }), policy, 0.5)).toBeNull();
    expect(snapshotReason(latest, state(101, { score: 73 }), policy, 0.5)).toBe('score');
    expect(snapshotReason(latest, state(101, { score: 67 }), policy, 0.5)).toBe('score');
    expect(snapshotReason(latest, state(101, { status: 'Yellow' }), policy, 0.5)).toBe('status');
    expect(snapshotReason(latest, state(101, { score: null }), policy, 0.5)).toBe('score');
    expect(snapshotReason(latest, state(101, { coverage: 0.4 }), policy, 0.5)).toBe('coverage');
    expect(snapshotReason(latest, state(101, { coverage: 0.6 }), policy, 0.5)).toBeNull();
    expect(snapshotReason(latest, state(101, { override: 'Red' }), policy, 0.5)).toBe('override');
    expect(snapshotReason(latest, state(113), policy, 0.5)).toBeNull();
    expect(snapshotReason(latest, state(114), policy, 0.5)).toBe('heartbeat');
  });
});

describe('historyPolicyOf', () => {
  it('reads the Default record, fills blanks with defaults and refuses a monthly span shorter than the whole one', () => {
    expect(historyPolicyOf([])).toEqual(DEFAULT_HISTORY_POLICY);
    expect(
      historyPolicyOf([{ DeveloperName: 'Default', Score_Move_Points__c: 5, Heartbeat_Days__c: 7 }])
    ).toEqual({ ...DEFAULT_HISTORY_POLICY, scoreMovePoints: 5, heartbeatDays: 7 });
    expect(() =>
      historyPolicyOf([
        { DeveloperName: 'Default', Keep_All_Months__c: 12, Keep_Monthly_Months__c: 6 }
      ])
    ).toThrow(/Health_History_Policy__mdt.Default: Keep_Monthly_Months__c/);
    expect(() => historyPolicyOf([{ DeveloperName: 'Default', Heartbeat_Days__c: 0 }])).toThrow(
      /Heartbeat_Days__c/
    );
  });
});

describe('snapshotsToDelete', () => {
  const snap = (id: string, date: string, accountId = 'A') => ({ id, accountId, date });
  const history = [
    snap('keep-recent', '2026-01-05'),
    snap('keep-recent-2', '2026-01-01'),
    snap('old-1', '2025-11-03'),
    snap('old-newest', '2025-11-28T12:00:00.000Z'),
    snap('old-2', '2025-11-15'),
    snap('other-account', '2025-11-10', 'B'),
    snap('ancient', '2023-11-30')
  ];

  it('keeps everything 12 months, the newest of each month to 36, nothing older', () => {
    expect(snapshotsToDelete(history, '2026-12-07', DEFAULT_HISTORY_POLICY).sort()).toEqual([
      'ancient',
      'old-1',
      'old-2'
    ]);
  });

  it('deletes nothing more when run again, or after an interrupted run', () => {
    const remaining = history.filter((s) => !['ancient', 'old-1', 'old-2'].includes(s.id));
    expect(snapshotsToDelete(remaining, '2026-12-07', DEFAULT_HISTORY_POLICY)).toEqual([]);
    const interrupted = history.filter((s) => s.id !== 'old-1');
    expect(snapshotsToDelete(interrupted, '2026-12-07', DEFAULT_HISTORY_POLICY).sort()).toEqual([
      'ancient',
      'old-2'
    ]);
  });

  it('names the first day of the oldest month kept whole', () => {
    expect(HistoryThinning.keepAllFrom('2026-12-07', DEFAULT_HISTORY_POLICY)).toBe('2026-01-01');
    expect(HistoryThinning.keepAllFrom('2026-01-31', DEFAULT_HISTORY_POLICY)).toBe('2025-02-01');
  });
});
