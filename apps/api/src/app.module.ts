import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyInterceptor } from './common/idempotency/idempotency';
import { LoggerModule } from 'nestjs-pino';
import { AlertsModule } from './alerts/alerts.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { JsonBodyMiddleware } from './common/http/json-body.middleware';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source.options';
import { AttachmentsModule } from './disclosure/attachments/attachments.module';
import { DisclosureModule } from './disclosure/disclosure.module';
import { SimilarRequestsModule } from './disclosure/similar/similar-requests.module';
import { HealthController } from './health/health.controller';
import { JobsModule } from './jobs/jobs.service';
import { PortalModule } from './portal/portal.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OpinionModule } from './opinion/opinion.module';
import { RealtimeModule } from './realtime/realtime.module';
import { SeedModule } from './seed/seed.module';
import { SupervisionModule } from './supervision/supervision.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';

/** The API: one Nest module per area (docs/architecture.md). */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
          // Nest 11's wildcard (nestjs-pino's default, '*', makes Nest warn at start-up about a legacy route).
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        JobsModule,
        AuditModule,
        AuthModule,
        UnitsModule,
        UsersModule,
        CalendarModule,
        DisclosureModule,
        SimilarRequestsModule,
        AttachmentsModule,
        PortalModule,
        SupervisionModule,
        RealtimeModule,
        NotificationsModule,
        OpinionModule,
        AlertsModule,
        SeedModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(JsonBodyMiddleware).forRoutes('*path');
  }
}
