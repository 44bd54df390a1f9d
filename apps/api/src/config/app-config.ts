import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The API's configuration, read once from the environment and validated at start.
 * A bad variable stops the process at once with its name and what is wrong
 * (README.md lists every variable).
 */
const onOff = z.enum(['on', 'off']);
const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  GOVDESK_DATA_DIR: z.string().min(1).optional(),
  GOVDESK_DB_PORT: port.optional(),
  GOVDESK_DEMO: onOff.default('on'),
  GOVDESK_DEMO_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(200),
  GOVDESK_DEMO_MENTIONS: z.coerce.number().int().min(0).max(1_000_000).default(1500),
  GOVDESK_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  GOVDESK_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  GOVDESK_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  GOVDESK_TOKEN_TTL: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(8 * 3600),
  GOVDESK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GOVDESK_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/, 'must look like 512kb or 1mb').default('1mb'),
  GOVDESK_INGEST_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/, 'must look like 512kb or 1mb').default('32mb'),
  GOVDESK_CONSOLE_DIR: z.string().optional(),
  GOVDESK_TRUST_PROXY: onOff.default('off'),
  GOVDESK_JOBS: onOff.default('on'),
  GOVDESK_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  GOVDESK_ANALYSIS_THREAD: onOff.default('on'),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedDbPort: number | undefined;
  demo: boolean;
  demoRequests: number;
  /** Demo public-opinion mentions ingested at first start (0 = none). */
  demoMentions: number;
  demoPassword: string | undefined;
  adminPassword: string | undefined;
  jwtSecret: string | undefined;
  tokenTtlSeconds: number;
  logLevel: z.infer<typeof envSchema>['GOVDESK_LOG_LEVEL'];
  bodyLimit: string;
  /** Body limit of mention ingest (1,000 mentions per call). */
  ingestBodyLimit: string;
  consoleDir: string;
  trustProxy: boolean;
  /** Durable background jobs (pg-boss): deadline sweeps, feed polls, escalation timers. */
  jobs: boolean;
  /**
   * What this process does: `all` serves HTTP and runs jobs; `api` serves HTTP and only
   * enqueues jobs; `worker` runs jobs (timers, sweeps, feed polls) and serves no HTTP.
   */
  role: ProcessRole;
  /** Ingested texts are analysed on a worker thread (off: on the main thread). */
  analysisThread: boolean;
}

export type ProcessRole = 'all' | 'api' | 'worker';

export class ConfigError extends Error {}

/** The repository root: the nearest folder above this file that holds nx.json. */
export function findRepoRoot(): string {
  if (process.env['GOVDESK_ROOT']) return resolve(process.env['GOVDESK_ROOT']);
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (`DATABASE_URL=`) means unset, as in most tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.GOVDESK_DEMO === 'off' && !e.GOVDESK_ADMIN_PASSWORD) {
    throw new ConfigError('Invalid configuration:\n  GOVDESK_ADMIN_PASSWORD: required when GOVDESK_DEMO=off (the password of the first admin)');
  }
  const root = findRepoRoot();
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.GOVDESK_DATA_DIR ?? resolve(root, '.govdesk')),
    embeddedDbPort: e.GOVDESK_DB_PORT,
    demo: e.GOVDESK_DEMO === 'on',
    demoRequests: e.GOVDESK_DEMO_REQUESTS,
    demoMentions: e.GOVDESK_DEMO_MENTIONS,
    demoPassword: e.GOVDESK_DEMO_PASSWORD,
    adminPassword: e.GOVDESK_ADMIN_PASSWORD,
    jwtSecret: e.GOVDESK_JWT_SECRET,
    tokenTtlSeconds: e.GOVDESK_TOKEN_TTL,
    logLevel: e.GOVDESK_LOG_LEVEL,
    bodyLimit: e.GOVDESK_BODY_LIMIT,
    ingestBodyLimit: e.GOVDESK_INGEST_BODY_LIMIT,
    consoleDir: resolve(e.GOVDESK_CONSOLE_DIR ?? resolve(root, 'dist/apps/console')),
    trustProxy: e.GOVDESK_TRUST_PROXY === 'on',
    jobs: e.GOVDESK_JOBS === 'on',
    role: e.GOVDESK_ROLE,
    analysisThread: e.GOVDESK_ANALYSIS_THREAD === 'on',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
