/**
 * A worker thread that analyses texts (libs/text-analysis) for its parent, so that the API's
 * main thread is free for HTTP, clustering and the database while texts are segmented.
 * Messages in order: `settings` replaces what admins edit, `analyze` answers with `results`.
 */
import { parentPort } from 'node:worker_threads';
import { Analyzer } from '@govdesk/text-analysis';
import type { WorkerReply, WorkerRequest } from './analysis-protocol';

let analyzer: Analyzer | null = null;

parentPort!.on('message', (message: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (message.type === 'settings') {
      const { userDictionary, sensitiveWords, taxonomy } = message.settings;
      if (!analyzer) analyzer = new Analyzer({ userDictionary, sensitiveWords, taxonomy });
      else {
        analyzer.setUserDictionary(userDictionary);
        analyzer.setSensitiveWords(sensitiveWords);
        analyzer.setTaxonomy(taxonomy);
      }
      reply = { id: message.id, results: [] };
    } else {
      if (!analyzer) throw new Error('analysis worker: no settings yet');
      reply = { id: message.id, results: message.texts.map((text) => analyzer!.analyze(text)) };
    }
  } catch (error) {
    reply = { id: message.id, error: (error as Error).stack ?? String(error) };
  }
  parentPort!.postMessage(reply);
});
