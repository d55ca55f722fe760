import { TIERS } from 'c/batonCore';
import { valueText } from 'c/portfolioLabels';

// The filter row's choices: the book's own account managers, the tiers, segments and stages.
const SEGMENTS = ['A', 'B', 'C', 'D'];
const STAGES = ['Onboarding', 'Adoption', 'Retention', 'Expansion', 'Advocacy', 'Churned'];

const choices = (values, selected, all) => [
  { value: '', label: all, selected: !selected },
  ...values.map(({ value, label }) => ({ value, label, selected: value === selected }))
];
const plain = (values) => values.map((value) => ({ value, label: value }));
const named = (kind, values) => values.map((value) => ({ value, label: valueText(kind, value) }));

/** One group per filter, with the current choice selected. */
export function filterOptions(view, filters, labels) {
  const managers = [...(view?.managers ?? [])]
    .map((manager) => ({ value: manager.id, label: manager.name ?? manager.id }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return [
    {
      name: 'accountManagerId',
      id: 'filter-am',
      label: labels.filterAccountManager,
      options: choices(managers, filters.accountManagerId, labels.filterAll)
    },
    {
      name: 'tier',
      id: 'filter-tier',
      label: labels.filterTier,
      options: choices(named('tier', TIERS), filters.tier, labels.filterAll)
    },
    {
      name: 'segment',
      id: 'filter-segment',
      label: labels.filterSegment,
      options: choices(plain(SEGMENTS), filters.segment, labels.filterAll)
    },
    {
      name: 'stage',
      id: 'filter-stage',
      label: labels.filterStage,
      options: choices(named('stage', STAGES), filters.stage, labels.filterAll)
    }
  ];
}
