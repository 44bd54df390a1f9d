import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { PostgresIoAdapter } from './realtime/postgres-io.adapter';
import { generatePassword } from './auth/password.util';
import type { AppConfig } from './config/app-config';
import { prepareDatabase, runMigrations } from './database/database.bootstrap';
import { StartupError, type EmbeddedDatabase } from './database/embedded-postgres';
import { SeedService, type SeedReport } from './seed/seed.service';

export interface RunningServer {
  app: INestApplication;
  /** The configuration in force, with the demo password resolved. */
  config: AppConfig;
  /** Where HTTP is served; empty for a worker (`GOVDESK_ROLE=worker`), which serves none. */
  url: string;
  port: number;
  databaseUrl: string;
  embedded: boolean;
  migrations: string[];
  seed: SeedReport;
  /** Stops HTTP first, then the embedded database (if this process started it). */
  close(): Promise<void>;
}

async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(`Port ${port} is already in use. Stop the program using it, or start GovDesk on another port: PORT=${port + 1} npm start`)
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/**
 * The demo password: GOVDESK_DEMO_PASSWORD, else one generated at the first start and kept
 * in the data folder, so that every start can print the demo logins.
 */
async function resolveDemoPassword(config: AppConfig): Promise<AppConfig> {
  if (!config.demo || config.demoPassword) return config;
  const file = join(config.dataDir, 'demo-password');
  if (existsSync(file)) return { ...config, demoPassword: (await readFile(file, 'utf8')).trim() };
  const demoPassword = generatePassword();
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, demoPassword, { mode: 0o600 });
  return { ...config, demoPassword };
}

const CONTENT_SECURITY_POLICY = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // Ant Design writes its styles at run time (CSS-in-JS).
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", 'ws:', 'wss:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    // Offices often serve GovDesk over plain HTTP on their intranet: do not force https.
    upgradeInsecureRequests: null,
  },
};

/** Serves the built console for every path that is not the API, with index.html as fallback. */
function serveConsole(app: INestApplication, consoleDir: string): void {
  const index = join(consoleDir, 'index.html');
  if (!existsSync(index)) {
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.path.startsWith('/api') || req.path.startsWith('/socket.io')) return next();
      res.status(503).type('text/plain').send(`The console is not built (${index} is missing): run npm run build, or npm start.`);
    });
    return;
  }
  app.use(express.static(consoleDir, { index: false, maxAge: '1h', immutable: false }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api') || req.path.startsWith('/socket.io')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

export async function startServer(baseConfig: AppConfig): Promise<RunningServer> {
  const serving = baseConfig.role !== 'worker';
  if (serving) await assertPortFree(baseConfig.host, baseConfig.port);
  const config = await resolveDemoPassword(baseConfig);
  const pgLog: string[] = [];
  const database = await prepareDatabase(config, (line) => {
    pgLog.push(line);
    if (config.logLevel === 'debug' || config.logLevel === 'trace') process.stderr.write(`[postgres] ${line}\n`);
  });
  let embedded: EmbeddedDatabase | null = database.embedded;
  try {
    const migrations = await runMigrations(database.url);
    const app = await NestFactory.create(AppModule.forRoot(config, database.url), { bufferLogs: true, bodyParser: false });
    app.useLogger(app.get(Logger));
    app.setGlobalPrefix('api');
    app.useWebSocketAdapter(new PostgresIoAdapter(app, database.url));
    const http = app.getHttpAdapter().getInstance() as express.Express;
    http.disable('x-powered-by');
    if (config.trustProxy) http.set('trust proxy', true);
    app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));

    const openApi = new DocumentBuilder()
      .setTitle('GovDesk API')
      .setDescription('Disclosure requests (依申请公开) and public-opinion hotspots (政务舆情)')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build();
    SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs/openapi.json' });
    serveConsole(app, config.consoleDir);

    await app.init();
    const seed = await app.get(SeedService).seedIfEmpty();
    // A worker initialises everything (its socket.io server still broadcasts through the
    // PostgreSQL adapter to the API processes' clients) but listens on no port.
    if (serving) await app.listen(config.port, config.host);
    const port = serving ? (app.getHttpServer().address() as { port: number }).port : 0;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    let closed = false;
    return {
      app,
      config,
      url: serving ? `http://${host}:${port}` : '',
      port,
      databaseUrl: database.url,
      embedded: embedded !== null,
      migrations,
      seed,
      close: async () => {
        if (closed) return;
        closed = true;
        await app.close();
        await embedded?.stop();
        embedded = null;
      },
    };
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
