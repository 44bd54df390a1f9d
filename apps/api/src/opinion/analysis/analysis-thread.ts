import { extname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TextAnalysis } from '@govdesk/text-analysis';
import type { AnalysisSettings, WorkerReply, WorkerRequest } from './analysis-protocol';

type Pending = { resolve: (results: TextAnalysis[]) => void; reject: (error: Error) => void };

/**
 * One analysis worker thread (analysis.worker.ts) and the calls waiting for it. The settings
 * are sent before any text and again after each change, so every answer uses the settings
 * current when it was asked. A worker that dies fails the calls it had and is started again
 * on the next call (or the next change of settings).
 */
export class AnalysisThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private settings: AnalysisSettings | null = null;

  /**
   * Sets what the analyser is configured with. The first call starts the worker at once (it loads
   * the dictionaries for about a second), so that the first mentions do not wait for it.
   */
  setSettings(settings: AnalysisSettings): void {
    const running = this.worker !== null;
    this.settings = settings;
    if (running) void this.send({ id: this.nextId++, type: 'settings', settings }).catch(() => undefined);
    else this.started();
  }

  analyze(texts: string[]): Promise<TextAnalysis[]> {
    if (!texts.length) return Promise.resolve([]);
    return this.send({ id: this.nextId++, type: 'analyze', texts });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private send(request: WorkerRequest): Promise<TextAnalysis[]> {
    const worker = this.started();
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    if (!this.settings) throw new Error('analysis thread: settings first');
    const worker = spawnWorker();
    worker.unref(); // an idle analyser never keeps the process alive
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.error !== undefined) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.results);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`analysis worker exited with code ${code}`)));
    this.worker = worker;
    worker.postMessage({ id: this.nextId++, type: 'settings', settings: this.settings } satisfies WorkerRequest);
    return worker;
  }
}

/**
 * The worker from the built JavaScript next to this file, or — when the API runs from its
 * TypeScript sources (development, tests) — from the TypeScript file through swc-node.
 */
function spawnWorker(): Worker {
  const file = join(__dirname, `analysis.worker${extname(__filename)}`);
  if (file.endsWith('.js')) return new Worker(file);
  const project = resolve(__dirname, '../../../tsconfig.json');
  return new Worker(`require('@swc-node/register'); require(${JSON.stringify(file)});`, {
    eval: true,
    env: { ...process.env, SWC_NODE_PROJECT: project },
  });
}
