import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what the last full collection left, in percent.
 * V8's default picks a factor of up to 4 from its own speed estimates. The recompute's live
 * data stays near 130–150 MB whatever the org's size (one wave of accounts, two chunks of
 * rows), but it promotes ~70 MB of rows per chunk that die a few seconds later, and on two
 * busy cores the concurrent marker lags: the heap reached 480–700 MB, mostly garbage. With
 * 1.4× the peak stayed ~430 MB at 300 000 accounts for the same wall time
 * (.scratch/memPhases.ts, same minute, 625 → 431 MB RSS). 1.35× since the writes of two
 * chunks overlap. A million accounts, .scratch/timeline.ts, runs interleaved: 1.4× peaked at
 * 435–497 MB (wall 62–67 s), 1.35× at 422–424 MB (61–75 s), 1.3× at 400–423 MB but 63–76 s:
 * the more frequent full collections took a core from the org.
 */
export const HEAP_GROWING_PERCENT = 35;

/**
 * Bounds heap growth for the rest of this process: for the commands that run a recompute
 * (and the bench that measures one as they run), never for the local org's server. V8 reads
 * this flag at each full collection, so setting it at run time takes effect.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
