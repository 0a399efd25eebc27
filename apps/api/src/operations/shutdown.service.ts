import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { RealtimeService } from '@switchboard/core';

/**
 * Graceful stop: /health turns 503 so the load balancer drains this instance, sockets are told
 * to reconnect elsewhere; Nest then closes the HTTP server, which lets in-flight requests finish.
 */
@Injectable()
export class ShutdownService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  shuttingDown = false;

  constructor(private readonly realtime: RealtimeService) {}

  beforeApplicationShutdown(signal?: string): void {
    this.shuttingDown = true;
    this.logger.log(`Shutting down${signal ? ` on ${signal}` : ''}: draining sockets and requests`);
    this.realtime.disconnectLocal();
  }
}
