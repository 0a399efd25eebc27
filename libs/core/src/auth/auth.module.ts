import { createHash } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config.js';
import { IdentityModule } from '../identity/identity.module.js';
import { RedisConnection } from '../redis/redis-connection.service.js';
import { SecretBox } from '../secrets/secret-box.service.js';
import { AccountAuthGuard } from './account-auth.guard.js';
import { AuthSecrets } from './auth-secrets.js';
import { AuthController } from './auth.controller.js';
import { DeviceTokenGuard } from './device-token.guard.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { LoginAttemptRepository } from './login-attempt.repository.js';
import { LoginAttemptStore } from './login-attempt.store.js';
import { LoginLockoutService } from './login-lockout.service.js';
import { LocalStrategy } from './local.strategy.js';
import { PortalSessionGuard } from './portal-session.guard.js';
import { RedisLoginAttemptStore } from './redis-login-attempt.store.js';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';
import { RolesGuard } from './roles.guard.js';
import { SessionRevocation } from './session-revocation.service.js';
import { SessionTokenService } from './session-token.service.js';
import { SystemSecretRepository } from './system-secret.repository.js';

@Global()
@Module({
  imports: [
    IdentityModule,
    PassportModule,
    JwtModule.register({}),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, RedisConnection],
      useFactory: (config: AppConfig, redis: RedisConnection) => ({
        // The default name gives the standard Retry-After header (a named throttler gets Retry-After-<name>).
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.loginRateLimit }],
        errorMessage: 'Too many attempts, try again in a minute',
        storage: redis.client ? new RedisThrottlerStorage(redis.client, installationKey(config)) : undefined,
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    SystemSecretRepository,
    {
      provide: AuthSecrets,
      inject: [AppConfig, SystemSecretRepository, SecretBox],
      useFactory: (config: AppConfig, rows: SystemSecretRepository, box: SecretBox) =>
        AuthSecrets.load(config, rows, box),
    },
    SessionTokenService,
    SessionRevocation,
    LoginAttemptRepository,
    {
      provide: LoginAttemptStore,
      inject: [AppConfig, RedisConnection, LoginAttemptRepository],
      useFactory: (config: AppConfig, redis: RedisConnection, database: LoginAttemptRepository) =>
        redis.client ? new RedisLoginAttemptStore(redis.client, installationKey(config)) : database,
    },
    LoginLockoutService,
    LocalStrategy,
    JwtStrategy,
    LocalAuthGuard,
    DeviceTokenGuard,
    PortalSessionGuard,
    { provide: APP_GUARD, useClass: AccountAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [SessionTokenService, DeviceTokenGuard, PortalSessionGuard, IdentityModule, LoginAttemptStore],
})
export class AuthModule {}

/** Tells installations sharing one Redis apart (their databases differ). */
function installationKey(config: AppConfig): string {
  return createHash('sha256')
    .update(config.databaseUrl ?? config.sqlitePath)
    .digest('hex')
    .slice(0, 16);
}
