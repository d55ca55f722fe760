import type { BatonModel } from '../config/model';

/** The statuses a score can fall in (Health_Band__mdt's Status bands), best first. */
export const bandStatuses = (model: Pick<BatonModel, 'bands'>): string[] =>
  model.bands.map((band) => band.status);

/** The worst band's status (last of the bands, best first): its customers' ARR is at risk. */
export const atRiskStatus = (model: Pick<BatonModel, 'bands'>): string | null =>
  model.bands[model.bands.length - 1]?.status ?? null;

/** Every status the recompute shows, best first: the bands', then the one for too little data. */
export const statusOrder = (model: Pick<BatonModel, 'bands' | 'insufficientStatus'>): string[] => [
  ...bandStatuses(model),
  model.insufficientStatus
];

/** Counts by status keyed in `order`, then any other status in the order it came. */
export function inStatusOrder(
  counts: Record<string, number>,
  order: readonly string[]
): Record<string, number> {
  const keys = [...order.filter((status) => status in counts)];
  for (const status of Object.keys(counts)) if (!keys.includes(status)) keys.push(status);
  return Object.fromEntries(keys.map((status) => [status, counts[status]]));
}

/** "Green, Yellow or Red": a list of statuses as a sentence names them. */
export const statusChoice = (statuses: readonly string[]): string =>
  statuses.length > 1
    ? `${statuses.slice(0, -1).join(', ')} or ${statuses[statuses.length - 1]}`
    : (statuses[0] ?? '');
