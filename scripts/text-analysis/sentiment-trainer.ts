/**
 * NBSVM training (Wang & Manning 2012) over hashed binary features: naive Bayes log-count
 * ratios r, then logistic regression (AdaGrad) on the features scaled by |r| and by 1/√n.
 * The two fold into one weight per bucket, w·|r|, which is what the runtime model stores.
 * Shared by train-sentiment.ts and tune-sentiment.ts.
 */
import { seededRandom, shuffleInPlace } from '../../libs/text-analysis/src/sentiment/corpus';

export interface Example {
  features: Uint32Array;
  label: 0 | 1;
  weight: number;
}

export interface TrainingParameters {
  bits: number;
  /** Laplace smoothing of the naive Bayes counts */
  alpha: number;
  epochs: number;
  learningRate: number;
  seed: number;
  /** average the weights of the last this many epochs (0: keep the last) */
  averageEpochs?: number;
  log?: (line: string) => void;
}

export const DEFAULT_TRAINING: TrainingParameters = { bits: 20, alpha: 1, epochs: 10, learningRate: 0.2, seed: 42 };

export function trainNbsvm(examples: readonly Example[], p: TrainingParameters): { weights: Float32Array; bias: number } {
  const size = 1 << p.bits;
  const count = [new Float64Array(size), new Float64Array(size)];
  const total = [0, 0];
  for (const ex of examples) {
    const c = count[ex.label]!;
    for (const f of ex.features) c[f]! += ex.weight;
    total[ex.label]! += ex.weight * ex.features.length;
  }
  const smoothed0 = total[0]! + p.alpha * size;
  const smoothed1 = total[1]! + p.alpha * size;
  const r = new Float64Array(size);
  for (let j = 0; j < size; j++) r[j] = Math.abs(Math.log((count[1]![j]! + p.alpha) / smoothed1) - Math.log((count[0]![j]! + p.alpha) / smoothed0));

  const w = new Float64Array(size);
  const g2 = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let gBias = 1e-8;
  const averaged = new Float64Array(p.averageEpochs ? size : 0);
  let averagedBias = 0;
  const order = examples.map((_, i) => i);
  const random = seededRandom(p.seed);
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    shuffleInPlace(order, random);
    let loss = 0;
    let weightSum = 0;
    for (const k of order) {
      const ex = examples[k]!;
      const norm = 1 / Math.sqrt(ex.features.length || 1);
      let z = bias;
      for (const f of ex.features) z += w[f]! * r[f]! * norm;
      const prob = 1 / (1 + Math.exp(-z));
      loss -= ex.weight * Math.log(Math.max(1e-12, ex.label ? prob : 1 - prob));
      weightSum += ex.weight;
      const g = (prob - ex.label) * ex.weight;
      for (const f of ex.features) {
        const gi = g * r[f]! * norm;
        g2[f]! += gi * gi;
        w[f]! -= (p.learningRate * gi) / Math.sqrt(g2[f]!);
      }
      gBias += g * g;
      bias -= (p.learningRate * g) / Math.sqrt(gBias);
    }
    p.log?.(`epoch ${epoch + 1}: loss ${(loss / weightSum).toFixed(4)}`);
    if (p.averageEpochs && epoch >= p.epochs - p.averageEpochs) {
      for (let j = 0; j < size; j++) averaged[j] += w[j]! / p.averageEpochs;
      averagedBias += bias / p.averageEpochs;
    }
  }
  const final = p.averageEpochs ? averaged : w;
  const weights = new Float32Array(size);
  for (let j = 0; j < size; j++) weights[j] = final[j]! * r[j]!;
  return { weights, bias: p.averageEpochs ? averagedBias : bias };
}
