import { loadProjectModel } from '../../metadata/projectModel';
import { snapshotsToRead, weekMovers, withDrivers, type SnapshotScore } from './movers';

const model = loadProjectModel();
const weekStart = '2026-01-05T00:00:00.000Z';
const at = (day: string) => `2026-01-${day}T12:00:00.000Z`;
const snap = (id: string, accountId: string, day: string, score: number | null) =>
  ({ id, accountId, computedAt: at(day), score }) satisfies SnapshotScore;
const names = new Map([
  ['fell', 'Laskeva Oy'],
  ['rose', 'Nouseva Oy'],
  ['steady', 'Vakaa Oy'],
  ['lone', 'Yksi Oy'],
  ['blank', 'Vajaa Oy']
]);

describe('the week’s movers', () => {
  it('it_should_compare_the_newest_snapshot_with_the_newest_before_the_week', () => {
    const picks = weekMovers(
      [
        snap('f0', 'fell', '01', 85),
        snap('f1', 'fell', '03', 70), // the newest before the week: the baseline
        snap('s0', 'steady', '02', 70),
        snap('b0', 'blank', '04', 60),
        snap('r0', 'rose', '06', 50), // no baseline: the week's first
        snap('l0', 'lone', '07', 40), // alone: nothing to compare
        snap('f2', 'fell', '09', 60),
        snap('s1', 'steady', '10', 70), // a heartbeat: no move
        snap('b1', 'blank', '10', null), // too little data: not a move
        snap('r1', 'rose', '11', 58),
        snap('x0', 'other', '06', 10), // not shown
        snap('x1', 'other', '11', 90)
      ],
      names,
      weekStart
    );
    expect(picks).toEqual({
      up: [{ id: 'rose', name: 'Nouseva Oy', change: 8, fromId: 'r0', toId: 'r1' }],
      down: [{ id: 'fell', name: 'Laskeva Oy', change: -10, fromId: 'f1', toId: 'f2' }]
    });
    expect(snapshotsToRead(picks)).toEqual(['r0', 'r1', 'f1', 'f2']);
  });

  it('it_should_list_five_each_way_largest_first_and_equal_moves_by_name', () => {
    const snapshots = ['F', 'B', 'E', 'A', 'C', 'D'].flatMap((name, k) => [
      snap(`${name}0`, name, '06', 50),
      snap(`${name}1`, name, '08', k < 2 ? 60 : 55)
    ]);
    const picks = weekMovers(
      snapshots,
      new Map(['A', 'B', 'C', 'D', 'E', 'F'].map((n) => [n, n])),
      weekStart
    );
    expect(picks.up.map((mover) => mover.name)).toEqual(['B', 'F', 'A', 'C', 'D']);
    expect(picks.down).toEqual([]);
  });

  it('it_should_name_the_measure_whose_lost_points_changed_most_in_both_languages', () => {
    // The cadence lost 4 then 12 points, licence utilisation 10 both times.
    const movers = withDrivers(
      { up: [], down: [{ id: 'fell', name: 'Laskeva Oy', change: -10, fromId: 'f1', toId: 'f2' }] },
      new Map([
        ['f1', '{"version":2,"measures":[[6,20,30,80,4],[0,20,0.5,50,10]]}'],
        ['f2', '{"version":2,"measures":[[6,20,60,40,12],[0,20,0.5,50,10]]}']
      ]),
      model
    );
    expect(movers.down).toEqual([
      {
        id: 'fell',
        name: 'Laskeva Oy',
        change: -10,
        driver: 'Meeting cadence',
        driverFi: 'Tapaamisrytmi'
      }
    ]);
  });
});
