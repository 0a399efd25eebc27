import { Injectable } from '@nestjs/common';
import { RedisConnection } from '@switchboard/core';
import { ShutdownService } from './shutdown.service.js';
import { HealthRepository } from './health.repository.js';

export interface HealthReport {
  status: 'ok' | 'error' | 'shutting_down';
  database: { status: 'ok' | 'error'; driver: string; latencyMs: number; error?: string };
  redis: { status: 'ok' | 'error' | 'disabled'; latencyMs?: number };
  uptimeSeconds: number;
}

@Injectable()
export class HealthService {
  constructor(
    private readonly db: HealthRepository,
    private readonly redis: RedisConnection,
    private readonly shutdown: ShutdownService,
  ) {}

  async check(): Promise<HealthReport> {
    const dbStart = performance.now();
    let database: HealthReport['database'];
    try {
      await this.db.ping();
      database = { status: 'ok', driver: this.db.driver, latencyMs: round(performance.now() - dbStart) };
    } catch (error) {
      database = {
        status: 'error',
        driver: this.db.driver,
        latencyMs: round(performance.now() - dbStart),
        error: (error as Error).message,
      };
    }
    let redis: HealthReport['redis'] = { status: 'disabled' };
    if (this.redis.enabled) {
      const start = performance.now();
      redis = (await this.redis.ping())
        ? { status: 'ok', latencyMs: round(performance.now() - start) }
        : { status: 'error' };
    }
    // Redis down degrades cross-instance delivery but the instance still serves: not a 503.
    const status = this.shutdown.shuttingDown ? 'shutting_down' : database.status === 'ok' ? 'ok' : 'error';
    return { status, database, redis, uptimeSeconds: Math.round(process.uptime()) };
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
