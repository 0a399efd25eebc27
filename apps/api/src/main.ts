import 'reflect-metadata';
import { resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, AppLogger, ConfigError, configureHttp, DatabaseConnectionError } from '@switchboard/core';
import { AppModule } from './app.module.js';
import { DemoDataService, type DemoCredentials } from './bootstrap/demo-data.service.js';

async function createApp(config: AppConfig): Promise<INestApplication> {
  // abortOnError: false lets main() report boot failures itself, in one readable line. bodyParser: false:
  // configureHttp registers the JSON parser only (no urlencoded forms, #13.5).
  const app = await NestFactory.create(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  app.useLogger(app.get(AppLogger));
  configureHttp(app, config);
  return app;
}

function printDemo(credentials: DemoCredentials, port: number): void {
  const lines = [
    '',
    'Switchboard demo data is ready.',
    `  Web UI:       http://localhost:${port}/`,
    `  Admin:        ${credentials.admin.email} / ${credentials.admin.password}`,
    ...credentials.technicians.map((t) => `  Technician:   ${t.email} / ${t.password}`),
    `  Device token (helpdesk agent of LAPTOP-MELISSA): ${credentials.deviceToken}`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const command = process.argv[2] ?? 'serve';
  const config = AppConfig.fromEnvironment();
  config.webDir = resolve(process.env.SWITCHBOARD_WEB_DIR ?? 'apps/web/dist');
  const app = await createApp(config);

  if (command === 'demo') {
    await app.init();
    const demo = app.get(DemoDataService);
    if (await demo.isEmpty(config.adminEmail)) printDemo(await demo.seed(), config.port);
    else process.stdout.write('The database already has accounts; demo data was not added.\n');
    await app.close();
    return;
  }

  // The environment admin (FirstStartService, at init) comes before the demo data: it must exist
  // and sign in whatever SWITCHBOARD_DEMO says.
  await app.init();
  let demoLogins: DemoCredentials | null = null;
  if (config.demo) {
    const demo = app.get(DemoDataService);
    if (await demo.isEmpty(config.adminEmail)) demoLogins = await demo.seed();
  }
  await app.listen(config.port);
  const logger = app.get(AppLogger);
  logger.log(
    `Switchboard listening on http://localhost:${config.port} (${config.driver}${config.redisUrl ? ' + redis' : ''}) in ${Math.round(performance.now() - started)} ms`,
    'Bootstrap',
  );
  // Last, so on a terminal the demo logins are the one block on screen once the server is up (not
  // scrolled away by start-up lines). JSON lines on a pipe are written asynchronously by pino and may
  // land around it; the block stays whole either way.
  if (demoLogins) printDemo(demoLogins, config.port);

  // Graceful stop: drain sockets and in-flight requests, then exit 0. A stuck shutdown must not
  // hang a rolling deploy forever, so it is cut off after SWITCHBOARD_SHUTDOWN_GRACE_MS.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => process.exit(1), config.shutdownGraceMs).unref();
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((error: unknown) => {
  // Boot failures the operator can fix get one readable line, not a stack trace.
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseConnectionError ||
    (error as Error)?.name === 'PluginLoadError'
  ) {
    process.stderr.write(`Switchboard cannot start: ${(error as Error).message}\n`);
  } else {
    process.stderr.write(`Switchboard failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
});
