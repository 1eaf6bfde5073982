/**
 * A progress bar on stderr, drawn only when stderr is a terminal (never into a pipe or a log).
 */
const BAR_WIDTH = 30;

export function progressBar(label: string): {
  update(done: number, total: number): void;
  finish(): void;
} {
  if (!process.stderr.isTTY) return { update: () => undefined, finish: () => undefined };
  let drawn = false;
  return {
    update(done, total) {
      const fraction = total > 0 ? done / total : 1;
      const filled = Math.round(fraction * BAR_WIDTH);
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${Math.floor(fraction * 100)}% ${done}/${total}`,
      );
      drawn = true;
    },
    finish() {
      if (drawn) process.stderr.write('\r\x1b[K');
    },
  };
}
