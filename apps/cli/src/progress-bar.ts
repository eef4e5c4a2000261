import { Presets, SingleBar } from 'cli-progress';

/**
 * A progress bar on stderr (stdout stays for results). On a terminal it redraws in place;
 * elsewhere (CI logs, pipes) it prints a line every second.
 */
export function progressBar(label: string, unit: string, stream: NodeJS.WritableStream = process.stderr): SingleBar {
  return new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {speed} ${unit}/s | ETA {eta_formatted}`,
      stream: stream as NodeJS.WritableStream & { isTTY?: boolean },
      noTTYOutput: true,
      notTTYSchedule: 1000,
      etaBuffer: 20,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
}
