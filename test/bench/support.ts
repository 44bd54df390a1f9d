import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { startServer, type RunningServer } from '../../apps/api/src/server';

export const BENCH_PASSWORD = 'bench-password-2026';

/** The real server on its own embedded PostgreSQL in a temporary folder (removed on close). */
export async function startBenchServer(env: Record<string, string> = {}): Promise<RunningServer & { dispose(): Promise<void> }> {
  const dir = mkdtempSync('/tmp/govdesk-bench-');
  const server = await startServer(
    loadConfig({
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      GOVDESK_DATA_DIR: dir,
      GOVDESK_DEMO_PASSWORD: BENCH_PASSWORD,
      GOVDESK_DEMO_REQUESTS: '0',
      GOVDESK_DEMO_MENTIONS: '0',
      GOVDESK_JOBS: 'off',
      GOVDESK_LOG_LEVEL: process.env.GOVDESK_LOG_LEVEL ?? 'silent',
      GOVDESK_CONSOLE_DIR: '/nonexistent',
      ...env,
    }),
  );
  return Object.assign(server, {
    async dispose() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

export async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: BENCH_PASSWORD }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

/** A numeric option of a benchmark's command line (`--name N`), or `fallback`. */
export const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** CPU seconds (user + system) the processes have used so far, from /proc (Linux); gone ones count 0. */
export function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process has ended
    }
  }
  return ticks / 100; // USER_HZ
}

/** The processes of the PostgreSQL server listening on `port` (postmaster and backends). */
export function postgresPids(port: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (comm === 'postgres' || cmdline.includes('postgres')) pids.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return pids.filter((pid) => belongsTo(pid, port, pids));
}

/** A postgres process of the server on `port`: the postmaster has the port in its command line, backends are its children. */
function belongsTo(pid: number, port: number, candidates: number[]): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (cmdline.includes(String(port)) || cmdline.some((a) => a.endsWith(`port=${port}`))) return true;
    const parent = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
    return candidates.includes(parent) && belongsTo(parent, port, []);
  } catch {
    return false;
  }
}
