/** The slice of an engine.io server socket the coalescer touches (engine.io 6). */
interface EngineSocket {
  flush(): void;
  close(...args: unknown[]): unknown;
  transport?: { name?: string; socket?: { _socket?: { cork(): void; uncork(): void } } };
}
interface EngineServer {
  on(event: 'connection', listener: (socket: EngineSocket) => void): unknown;
}

const PENDING = Symbol('switchboard.flushPending');
const FLUSH_NOW = Symbol('switchboard.flushNow');
type Tracked = EngineSocket & { [PENDING]?: boolean; [FLUSH_NOW]?: () => void };

/**
 * One TCP write per socket per event-loop turn. engine.io flushes every packet the moment it is
 * emitted and ws writes every frame with its own syscall, so one chat message cost three writes
 * (the sender's ack, the echo to the sender, the other party's copy): socket writes were the
 * largest item of the server's time under load (bench/portal). Here a socket's packets wait in
 * engine.io's own write buffer until the end of the turn (setImmediate, after the poll phase), then
 * go out in one flush with the TCP socket corked, so all their frames leave in one writev.
 * Per-socket order is unchanged; the added delay is the rest of the current loop turn. A socket
 * being closed (disconnect, server shutdown) flushes first, so "last words" are never dropped.
 */
export class WriteCoalescer {
  private pending: Tracked[] = [];
  private scheduled = false;

  attach(engine: EngineServer): void {
    engine.on('connection', (socket) => this.wrap(socket as Tracked));
  }

  private wrap(socket: Tracked): void {
    socket[FLUSH_NOW] = socket.flush;
    // engine.io calls this.flush() after every packet and on every transport drain/ready.
    socket.flush = () => {
      if (socket[PENDING]) return;
      socket[PENDING] = true;
      this.pending.push(socket);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.run);
      }
    };
    const close = socket.close;
    socket.close = (...args: unknown[]) => {
      if (socket[PENDING]) this.flush(socket);
      return close.apply(socket, args);
    };
  }

  private readonly run = (): void => {
    this.scheduled = false;
    const sockets = this.pending;
    this.pending = [];
    for (const socket of sockets) if (socket[PENDING]) this.flush(socket);
  };

  private flush(socket: Tracked): void {
    socket[PENDING] = false;
    const tcp = socket.transport?.name === 'websocket' ? socket.transport.socket?._socket : undefined;
    tcp?.cork();
    try {
      socket[FLUSH_NOW]!.call(socket);
    } finally {
      tcp?.uncork();
    }
  }
}
