import { existsSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AccountService,
  AppConfig,
  AppLogger,
  configureHttp,
  DeadlineScheduler,
  FakeClock,
  PluginReference,
  SessionTokenService,
} from '@switchboard/core';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { appFactory } from './app-factory.registry.js';
import { connectSocket, SocketOptions } from './socket-client.js';
import { createTestDatabase, TestDatabase } from './test-database.js';

export const REPO_ROOT = resolve(__dirname, '../../..');

export interface TestAppOptions {
  plugins?: PluginReference[];
  /** Serve the built web UI (apps/web/dist must exist: `npm run build:web`). */
  web?: boolean;
  /** Join an existing database (a second instance); by default each app gets a fresh one. */
  database?: { url: string; dataDir: string };
  /** Use Redis (REDIS_URL or TEST_REDIS_URL or redis://127.0.0.1:6379). */
  redis?: boolean | string;
  /** Share one fake clock between instances. */
  clock?: FakeClock;
  /** Start the real 1 s sweep (default off: tests call runDueTimers()). */
  runSchedulers?: boolean;
  sweepIntervalMs?: number;
  loginRateLimit?: number;
  /** Create the admin and technician accounts (default true; a second instance on a shared database passes false). */
  seed?: boolean;
  instanceId?: string;
  /** Extra environment variables, validated like at a real start (e.g. SWITCHBOARD_PORTAL_BASE_DOMAIN). */
  env?: Record<string, string>;
}

export interface SeedAccount {
  id: string;
  email: string;
  password: string;
  name: string;
}

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  clock: FakeClock;
  config: AppConfig;
  database: { url: string; dataDir: string };
  admin: SeedAccount;
  technician: SeedAccount;
  adminToken: string;
  technicianToken: string;
  seed: { admin: SeedAccount; technician: SeedAccount };
  http(): ReturnType<typeof request>;
  socket(namespace: '/agent' | '/portal' | '/device', options?: SocketOptions): Promise<Socket>;
  tokenFor(accountId: string): string;
  get<T>(type: new (...args: never[]) => T): T;
  runDueTimers(): Promise<number>;
  close(): Promise<void>;
}

let instances = 0;

/** Boots the real application (real database, real HTTP server on a random port, real sockets). */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const owned: TestDatabase | undefined = options.database ? undefined : await createTestDatabase();
  const database = options.database ?? { url: owned!.url, dataDir: owned!.dataDir };
  const clock = options.clock ?? new FakeClock();
  const redisUrl = options.redis
    ? typeof options.redis === 'string'
      ? options.redis
      : (process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
    : undefined;

  const config = AppConfig.fromEnvironment(
    {
      DATABASE_URL: database.url,
      SWITCHBOARD_DATA_DIR: database.dataDir,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      ...options.env,
    },
    REPO_ROOT,
  );
  config.plugins = options.plugins ?? [];
  config.runSchedulers = options.runSchedulers ?? false;
  config.sweepIntervalMs = options.sweepIntervalMs ?? 1000;
  config.loginRateLimit = options.loginRateLimit ?? config.loginRateLimit;
  config.instanceId = options.instanceId ?? `test-${process.pid}-${++instances}`;
  config.shutdownGraceMs = 2000;
  if (options.web) {
    config.webDir = join(REPO_ROOT, 'apps/web/dist');
    if (!existsSync(join(config.webDir, 'index.html')))
      throw new Error('apps/web/dist is missing: run `npm run build:web` first');
  }

  let app: INestApplication | undefined;
  try {
    app = await NestFactory.create(await appFactory()(config, clock), {
      bufferLogs: true,
      logger: false,
      abortOnError: false,
      // As in main.ts: configureHttp registers the JSON parser only.
      bodyParser: false,
    });
    app.useLogger(app.get(AppLogger));
    configureHttp(app, config);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app?.close().catch(() => undefined);
    await owned?.drop().catch(() => undefined);
    throw error;
  }
  const started = app;
  const port = (started.getHttpServer().address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const tokens = started.get(SessionTokenService);

  const accounts = started.get(AccountService);
  const admin: SeedAccount = { id: '', name: 'Test Admin', email: 'admin@test.local', password: 'admin-password-1' };
  const technician: SeedAccount = {
    id: '',
    name: 'Test Technician',
    email: 'tech@test.local',
    password: 'tech-password-1',
  };
  if (options.seed !== false) {
    admin.id = (await accounts.create({ ...admin, role: 'admin' })).id;
    technician.id = (await accounts.create({ ...technician, role: 'technician' })).id;
  }

  return {
    app: started,
    baseUrl,
    clock,
    config,
    database,
    admin,
    technician,
    seed: { admin, technician },
    adminToken: admin.id ? tokens.issueAccountToken(admin.id) : '',
    technicianToken: technician.id ? tokens.issueAccountToken(technician.id) : '',
    http: () => request(baseUrl),
    socket: (namespace, socketOptions) => connectSocket(baseUrl, namespace, socketOptions),
    tokenFor: (accountId) => tokens.issueAccountToken(accountId),
    get: (type) => started.get(type, { strict: false }),
    runDueTimers: () => started.get(DeadlineScheduler).runDue(),
    close: async () => {
      await started.close();
      await owned?.drop();
    },
  };
}
