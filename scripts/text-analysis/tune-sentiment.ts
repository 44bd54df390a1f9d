/**
 * Model selection without touching the held-out split: 5-fold cross-validation over the
 * training part of the Weibo file (the other files' training parts always train, at their
 * weight), reporting Weibo accuracy for a grid of weights of the text lexicon and of the emoticons.
 * `SWC_NODE_PROJECT=scripts/text-analysis/tsconfig.json node -r @swc-node/register
 *   scripts/text-analysis/tune-sentiment.ts [otherWeight] [epochs] [averageEpochs] [alpha] [learningRate]`
 */
import { readFileSync } from 'node:fs';
import { defaultSegmenter } from '../../libs/text-analysis/src/segmenter';
import { featuresOfInput, type SentimentInput } from '../../libs/text-analysis/src/sentiment/features';
import { SENTIMENT_CORPORA, splitCorpus } from '../../libs/text-analysis/src/sentiment/corpus';
import { sentimentInputOf } from '../../libs/text-analysis/src/sentiment/sentiment';
import { LexiconScorer } from '../../libs/text-analysis/src/sentiment/lexicon-scorer';
import { sharedDataFile } from './shared-data';
import { DEFAULT_TRAINING, trainNbsvm, type Example } from './sentiment-trainer';

const FOLDS = 5;
const BAND = 0.05;

function main(): void {
  const otherWeight = Number(process.argv[2] ?? 0.2);
  const epochs = Number(process.argv[3] ?? DEFAULT_TRAINING.epochs);
  const averageEpochs = Number(process.argv[4] ?? DEFAULT_TRAINING.averageEpochs ?? 0);
  const alpha = Number(process.argv[5] ?? DEFAULT_TRAINING.alpha);
  const learningRate = Number(process.argv[6] ?? DEFAULT_TRAINING.learningRate);
  const segmenter = defaultSegmenter();
  const lexicon = new LexiconScorer();
  const bits = DEFAULT_TRAINING.bits;
  const weibo: { ex: Example; input: SentimentInput }[] = [];
  const others: Example[] = [];
  for (const corpus of SENTIMENT_CORPORA) {
    const rows = corpus.parse(readFileSync(sharedDataFile(`sentiment/${corpus.file}`, 'tuning'), 'utf8'));
    for (const row of splitCorpus(rows).train) {
      const input = sentimentInputOf(row.text, segmenter);
      const ex: Example = { features: featuresOfInput(input, bits), label: row.label, weight: corpus === SENTIMENT_CORPORA[0] ? 1 : otherWeight };
      if (corpus === SENTIMENT_CORPORA[0]) weibo.push({ ex, input });
      else if (otherWeight > 0) others.push(ex);
    }
  }
  const logits = new Float64Array(weibo.length);
  for (let k = 0; k < FOLDS; k++) {
    const train = weibo.filter((_, i) => i % FOLDS !== k).map((w) => w.ex);
    const model = trainNbsvm(train.concat(others), { ...DEFAULT_TRAINING, epochs, averageEpochs, alpha, learningRate });
    for (let i = k; i < weibo.length; i += FOLDS) {
      const f = weibo[i]!.ex.features;
      let s = 0;
      for (const j of f) s += model.weights[j]!;
      logits[i] = model.bias + s / Math.sqrt(f.length || 1);
    }
  }
  const textLex = weibo.map((w) => lexicon.textScore(w.input.text.toLowerCase()));
  const emoLex = weibo.map((w) => lexicon.emoticonScore(w.input.emoticons));
  console.log(`other files weight ${otherWeight}, epochs ${epochs} (average of last ${averageEpochs}), alpha ${alpha}, rate ${learningRate}: Weibo ${FOLDS}-fold accuracy on ${weibo.length} texts (neutral below ${BAND})`);
  for (const kt of [0, 0.25, 0.5, 0.75, 1]) {
    const row: string[] = [];
    for (const ke of [0, 0.25, 0.5, 0.75, 1]) {
      let ok = 0;
      weibo.forEach((w, i) => {
        const raw = Math.tanh((logits[i]! + kt * 4 * Math.tanh(textLex[i]! / 4) + ke * 4 * Math.tanh(emoLex[i]! / 4)) / 2);
        if ((raw <= -BAND ? 0 : 1) === w.ex.label) ok++;
      });
      row.push(`emoticons ${ke}: ${(ok / weibo.length).toFixed(4)}`);
    }
    console.log(`text lexicon ${kt}: ${row.join('  ')}`);
  }
}

main();
