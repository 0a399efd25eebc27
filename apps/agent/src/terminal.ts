import { createInterface, type Interface } from 'node:readline';

/**
 * Terminal I/O. Humans read the plain lines; with `--events` (or SWITCHBOARD_AGENT_EVENTS=1)
 * every state change is also printed as one `@event {json}` line, a small protocol scripts and
 * the end-to-end tests wait for. Input is line based: prompts take the next line typed.
 */
export class Terminal {
  private readonly rl: Interface;
  private readonly queued: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private closed = false;
  /** Lines typed while nobody asked a question (the chat's composer). */
  onLine: ((line: string) => void) | null = null;
  onClose: (() => void) | null = null;
  /** `/quit` typed, also as the answer to a question (which then gets null, like end of input). */
  onQuit: (() => void) | null = null;

  constructor(
    private readonly machine: boolean,
    input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
  ) {
    this.rl = createInterface({ input, terminal: false });
    this.rl.on('line', (line) => this.take(line));
    this.rl.on('close', () => {
      this.closed = true;
      this.waiting?.(null);
      this.waiting = null;
      this.onClose?.();
    });
  }

  private take(line: string): void {
    if (line.trim() === '/quit' && this.onQuit) {
      this.onQuit();
      this.cancelQuestion();
      return;
    }
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w(line);
    } else if (this.onLine) {
      this.onLine(line);
    } else {
      this.queued.push(line);
    }
  }

  say(text: string): void {
    this.output.write(text + '\n');
  }

  event(type: string, data: Record<string, unknown> = {}): void {
    if (this.machine) this.output.write(`@event ${JSON.stringify({ type, ...data })}\n`);
  }

  /** Asks and resolves with the next line (null when input ended). */
  ask(question: string, kind: string): Promise<string | null> {
    this.say(question);
    this.event('prompt', { kind });
    if (this.queued.length) return Promise.resolve(this.queued.shift()!);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** A pending question is abandoned (e.g. the request expired meanwhile). */
  cancelQuestion(): void {
    const w = this.waiting;
    this.waiting = null;
    w?.(null);
  }

  close(): void {
    this.rl.close();
  }
}
