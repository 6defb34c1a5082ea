import cliProgress from 'cli-progress';

export interface Progress {
  advance(bytes: number): void;
  stop(): void;
}

const SILENT: Progress = { advance: () => undefined, stop: () => undefined };
/** Below this, an import is over before a bar could tell anyone anything. */
const WORTH_A_BAR = 256 * 1024;

/** A byte-count progress bar on stderr, only in a terminal and only for large files. */
export function byteProgress(label: string, total: number, interactive: boolean): Progress {
  if (!interactive || total < WORTH_A_BAR) return SILENT;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} KB`, hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.ceil(total / 1024), 0);
  let sent = 0;
  return {
    advance(bytes) {
      sent += bytes;
      bar.update(Math.min(Math.ceil(sent / 1024), Math.ceil(total / 1024)));
    },
    stop: () => bar.stop(),
  };
}
