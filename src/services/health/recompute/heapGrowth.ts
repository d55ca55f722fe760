import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what the last full collection left, in percent.
 * The recompute promotes rows that die seconds later, and V8's default factor (up to 4) let
 * that garbage fill the heap on two busy cores; docs/performance.md has the measurements.
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Bounds heap growth for the rest of this process: for the commands that run a recompute
 * (and the bench that measures one as they run), never for the local org's server. V8 reads
 * this flag at each full collection, so setting it at run time takes effect.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
