/** Progress of a long recompute: phases and counts, drawn as a bar only on a terminal. */
export interface Progress {
  phase(name: string, total: number): void;
  advance(done: number): void;
  finish(): void;
}

export const silentProgress: Progress = {
  phase: () => undefined,
  advance: () => undefined,
  finish: () => undefined
};

/** A one-line bar on stderr (stdout stays clean for --json), redrawn at most 10 times a second. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    return silentProgress;
  }
  let name = '';
  let total = 0;
  let current = 0;
  let drawnAt = 0;
  const draw = (force: boolean) => {
    const now = Date.now();
    if (!force && now - drawnAt < 100) return;
    drawnAt = now;
    const width = 30;
    const share = total > 0 ? Math.min(1, current / total) : 0;
    const filled = Math.round(share * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    stream.write(
      `\r${name.padEnd(18)} ${bar} ${String(Math.round(share * 100)).padStart(3)}% ${current}/${total}\x1b[K`
    );
  };
  return {
    phase(phaseName, phaseTotal) {
      if (name) draw(true);
      if (name) stream.write('\n');
      name = phaseName;
      total = phaseTotal;
      current = 0;
      draw(true);
    },
    advance(done) {
      current = done;
      draw(false);
    },
    finish() {
      if (name) {
        draw(true);
        stream.write('\n');
      }
      name = '';
    }
  };
}
