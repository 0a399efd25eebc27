import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import { Clock } from '../clock/clock.js';
import { AppConfig } from '../config/app-config.js';
import { HttpErrorFilter } from '../errors/http-error.filter.js';
import { SwitchboardIoAdapter } from '../realtime/redis-io.adapter.js';
import { validationError, VALIDATOR_OPTIONS } from '../validation/validate-dto.js';
import { UnsafeInputPipe } from '../validation/unsafe-input.pipe.js';
import { originCheck } from './origin-check.middleware.js';
import { securityHeaders } from './security-headers.js';
import { unsafeInputMiddleware } from './unsafe-input.middleware.js';
import { WebPages } from './web-pages.registry.js';

/** Everything an HTTP app needs beyond its modules; shared by main.ts and the test harness. */
export function configureHttp(app: INestApplication, config: AppConfig): void {
  const server = app as NestExpressApplication;
  server.disable('x-powered-by');
  // X-Forwarded-For names the client (rate limits, lockout, logs) only behind proxies the operator named:
  // trusting it by default let any client pick its own address (#13.8).
  server.set('trust proxy', config.trustProxy);
  const pages = app.get(WebPages);
  server.use(
    securityHeaders(
      config,
      (req) => pages.resolve({ method: req.method, path: req.path, hostname: req.hostname ?? '' }) === 'portal.html',
    ),
  );
  server.use(cookieParser());
  server.use(originCheck(config));
  // The UI measures waiting and chat times against the server's clock (the injectable one), not the browser's.
  const clock = app.get(Clock);
  server.use((_req: express.Request, res: express.Response, next: express.NextFunction) => {
    res.setHeader('X-Server-Time', clock.now().toISOString());
    next();
  });
  // Channel webhooks (/hooks/:instanceId) verify signatures over the raw bytes: keep them.
  server.useBodyParser('json', {
    limit: '1mb',
    verify: (req: express.Request & { rawBody?: Buffer }, _res: unknown, buf: Buffer) => {
      if (req.url?.startsWith('/hooks/')) req.rawBody = buf;
    },
  });
  // body-parser failures, answered in our error shape before Nest turns them into bare messages.
  server.use(
    (err: { type?: string } | undefined, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (err?.type === 'entity.parse.failed')
        return res.status(400).json({ statusCode: 400, error: 'BAD_REQUEST', message: 'Malformed JSON body' });
      if (err?.type === 'entity.too.large')
        return res
          .status(413)
          .json({ statusCode: 413, error: 'PAYLOAD_TOO_LARGE', message: 'Request body too large (limit 1 MB)' });
      next(err);
    },
  );
  server.use(unsafeInputMiddleware);
  server.useGlobalPipes(
    new UnsafeInputPipe(),
    new ValidationPipe({ ...VALIDATOR_OPTIONS, transform: true, exceptionFactory: validationError }),
  );
  const webDir = config.webDir && existsSync(config.webDir) ? config.webDir : undefined;
  server.useGlobalFilters(new HttpErrorFilter(webDir));
  server.useWebSocketAdapter(new SwitchboardIoAdapter(app));
  if (webDir) {
    // Pages chosen by libs (e.g. the customer portal on its own host) come before the technician app.
    server.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const page = pages.resolve({ method: req.method, path: req.path, hostname: req.hostname ?? '' });
      const file = page ? join(webDir, basename(page)) : null;
      if (!file || !existsSync(file)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(file);
    });
    server.use(express.static(webDir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheIndex }));
  }

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Switchboard API')
      .setDescription(
        'Self-hosted, plugin-based helpdesk. Authenticate with POST /api/auth/login, then send the token as a bearer.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

function noCacheIndex(res: express.Response, path: string): void {
  // The HTML pages (index.html, portal.html) name the hashed bundles: never cached; the bundles may be.
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
