/** One figure of a benchmark run. */
export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  /** What the figure is compared with, e.g. a naive implementation's value, and value / baseline. */
  baseline?: number;
  ratio?: number;
  note?: string;
}

export interface BenchModule {
  run(): Promise<BenchLine[]>;
}

/** Peak memory while a benchmark runs: sample after each chunk of work. */
export class MemoryPeak {
  rss = 0;
  heapUsed = 0;
  sample(): void {
    const usage = process.memoryUsage();
    if (usage.rss > this.rss) this.rss = usage.rss;
    if (usage.heapUsed > this.heapUsed) this.heapUsed = usage.heapUsed;
  }
}

/** A full collection before measuring, when node runs with --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export const MB = 1024 * 1024;
