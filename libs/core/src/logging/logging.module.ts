import {
  Global,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { AppLogger } from './app-logger.service.js';
import { createRootLogger } from './log-destination.js';
import { requestLogOptions, REQUEST_LOG_OPTIONS } from './logging.options.js';
import { RequestLoggingMiddleware } from './request-logging.middleware.js';

/** Structured logs: AppLogger (Nest's logger, `app.useLogger(app.get(AppLogger))`) and request lines; readable on a terminal (log-destination.ts). */
@Global()
@Module({})
export class LoggingModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      providers: [
        { provide: AppLogger, useValue: new AppLogger(createRootLogger(config.logLevel)) },
        { provide: REQUEST_LOG_OPTIONS, useValue: requestLogOptions() },
        RequestLoggingMiddleware,
      ],
      exports: [AppLogger],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLoggingMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
