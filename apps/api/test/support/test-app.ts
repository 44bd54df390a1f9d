import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { Client } from 'pg';
import request from 'supertest';
import type { Response } from 'superagent';
import type { LoginResponse } from '@govdesk/contracts';
import { loadConfig } from '../../src/config/app-config';
import { startServer, type RunningServer } from '../../src/server';

export const DEMO_PASSWORD = 'demo-password-2026';

function adminUrl(): string {
  const url = process.env['GOVDESK_TEST_ADMIN_URL'];
  if (!url) throw new Error('GOVDESK_TEST_ADMIN_URL is not set: run the API tests through jest (global-setup.mjs)');
  return url;
}

/** A new, empty database on the test server; its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `govdesk_test_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestApp {
  server: RunningServer;
  http: ReturnType<typeof request>;
  login(username: string, password?: string): Promise<string>;
  /** A query on the app's database (one connection, opened on first use). */
  sql<T extends object>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** The real server (migrations, seed, HTTP) on a fresh database and a free port. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = env['DATABASE_URL'] ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    GOVDESK_DATA_DIR: mkdtempSync('/tmp/govdesk-test-data-'),
    GOVDESK_DEMO_PASSWORD: DEMO_PASSWORD,
    GOVDESK_LOG_LEVEL: 'silent',
    GOVDESK_DEMO_REQUESTS: '0',
    GOVDESK_DEMO_MENTIONS: '0',
    GOVDESK_JOBS: 'off',
    GOVDESK_CONSOLE_DIR: '/nonexistent',
    ...env,
  });
  const server = await startServer(config);
  const http = request(server.app.getHttpServer());
  let client: Promise<Client> | null = null;
  return {
    server,
    http,
    async login(username: string, password = DEMO_PASSWORD) {
      const res = await http.post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as LoginResponse).accessToken;
    },
    async sql<T extends object>(text: string, params: unknown[] = []): Promise<T[]> {
      client ??= sqlClient(server.databaseUrl);
      return (await (await client).query(text, params)).rows as T[];
    },
    async close() {
      if (client) await (await client).end();
      await server.close();
    },
  };
}

/** A direct connection to the app's database, for checks the API does not offer. */
export async function sqlClient(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** A supertest parser that keeps a binary body (a .docx, .xlsx or upload) as one Buffer. */
export function binaryBody(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
