import { ConfigError } from '../config/app-config';
import { StartupError } from '../database/embedded-postgres';
import { BackupError } from './format';

export type Cleanup = () => Promise<void>;

/** Command-line arguments: positional ones, `--flag`, `--name value` and `--name=value`. */
export function parseArgs(argv: string[], valued: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (eq !== -1) flags.set(name, arg.slice(eq + 1));
    else if (valued.includes(name)) {
      const value = argv[++i];
      if (value === undefined) throw new BackupError(`--${name} 需要一个值。`, `--${name} needs a value.`);
      flags.set(name, value);
    } else flags.set(name, true);
  }
  return { positional, flags };
}

/**
 * Runs a command: prints a failure in Chinese and English and exits 1; on Ctrl-C stops what it
 * started (the embedded server) first. An interrupted restore is rolled back by PostgreSQL.
 */
export function runCli(name: 'backup' | 'restore', main: (onExit: (cleanup: Cleanup) => void) => Promise<void>): void {
  const cleanups: Cleanup[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => undefined);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${name}: interrupted (${signal}), stopping…\n`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  main((fn) => cleanups.push(fn)).then(
    async () => {
      await cleanup();
      process.exit(0);
    },
    async (error: unknown) => {
      await cleanup();
      const title = name === 'backup' ? '备份失败 / Backup failed' : '恢复失败 / Restore failed';
      if (error instanceof BackupError) process.stderr.write(`\n${title}:\n  ${error.zh}\n  ${error.en}\n`);
      else if (error instanceof ConfigError || error instanceof StartupError) process.stderr.write(`\n${title}: ${error.message}\n`);
      else process.stderr.write(`\n${title}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
