/** How long Bulk chunks may run back to back before the org answers other requests. */
const TURN_MS = 20;

/**
 * Bulk chunks of every running job take turns: they run one after another until a turn has
 * lasted TURN_MS, then the event loop answers the requests that arrived before the next one
 * starts. Each job yielding on its own let the chunks of four jobs, whose reads completed
 * together, run back to back for a second while a REST request waited.
 */
export class ChunkTurns {
  private last: Promise<unknown> = Promise.resolve();
  private turnStarted = 0;

  /** Runs `work` after every chunk queued before it, yielding first if the turn is used up. */
  run<T>(work: () => T): Promise<T> {
    const result = this.last.then(async () => {
      if (performance.now() - this.turnStarted > TURN_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        this.turnStarted = performance.now();
      }
      return work();
    });
    this.last = result.catch(() => undefined);
    return result;
  }
}
