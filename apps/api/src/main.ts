import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { StartupError } from './database/embedded-postgres';
import { startServer, type RunningServer } from './server';

/** `npm start`: database, migrations, seed, API and console on one port; Ctrl-C stops it all. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const running: { server?: RunningServer } = {};
  let stopping = false;
  const stop = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nGovDesk: stopping (${reason})…\n`);
    const timer = setTimeout(() => process.exit(code || 1), 15000);
    try {
      await running.server?.close();
    } finally {
      clearTimeout(timer);
      process.stdout.write('GovDesk: stopped.\n');
      process.exit(code);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));

  const server = await startServer(config);
  running.server = server;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (config.role === 'worker') {
    process.stdout.write(
      [
        '',
        `GovDesk worker is running (jobs: escalation timers, deadline sweeps, feed polls; no HTTP), ready after ${seconds} s`,
        `  Database: ${server.embedded ? `embedded PostgreSQL, data in ${config.dataDir}` : 'DATABASE_URL'}`,
        '  Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    return;
  }
  const lines = [
    '',
    `GovDesk is running at ${server.url}  (healthy after ${seconds} s)${config.role === 'api' ? ' — API role: jobs run in a worker (GOVDESK_ROLE=worker)' : ''}`,
    `  API docs: ${server.url}/api/docs`,
    `  Database: ${server.embedded ? `embedded PostgreSQL, data in ${config.dataDir}` : 'DATABASE_URL'}`,
    server.migrations.length ? `  Migrations run: ${server.migrations.join(', ')}` : '  Migrations: up to date',
    ...(server.seed.requests ? [`  Demo data: ${server.seed.requests} disclosure requests`] : []),
    ...(server.seed.mentions ? [`  Demo data: ${server.seed.mentions} public-opinion mentions`] : []),
  ];
  if (server.seed.demo) {
    lines.push(
      `  Demo logins (password: ${server.config.demoPassword}):`,
      ...server.seed.accounts.map((a) => `    ${a.username.padEnd(16)} ${a.roles.join(', ').padEnd(12)} ${a.displayName}`),
    );
  } else {
    lines.push('  Log in as admin with GOVDESK_ADMIN_PASSWORD.');
  }
  lines.push('  Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`\nGovDesk could not start: ${error.message}\n`);
  } else {
    process.stderr.write(`\nGovDesk could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
