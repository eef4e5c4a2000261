/** A pino destination that keeps the parsed log lines. */
export class MemoryLogStream {
  readonly lines: Array<Record<string, unknown>> = [];

  write(line: string): void {
    this.lines.push(JSON.parse(line));
  }
}
