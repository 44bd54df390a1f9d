/**
 * `npm run eval:sentiment`: accuracy of the committed sentiment model (with the lexicon, as
 * `analyzeSentiment` answers) on the held-out part of each file of ../shared/data/sentiment,
 * judged on the sign of the score (below 0 negative), with the count and the majority-class
 * baseline. The split is the one training left out (sentiment/corpus.ts: seed 20240601, 10%).
 *
 * Then a check in the government domain, where no labelled data exists: messages of
 * ../shared/data/gov-messages/messages-with-replies.xlsx whose subject starts with 投诉/举报
 * should come out negative, those whose subject asks (咨询, 请问) should not. These are silver
 * labels (some questions are complaints), a rough guide only.
 * `--parts` also shows the model alone, the lexicon alone and the share of neutral answers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { defaultSegmenter } from '../../libs/text-analysis/src/segmenter';
import { SENTIMENT_CORPORA, SPLIT_SEED, TEST_SHARE, signAccuracy, splitCorpus } from '../../libs/text-analysis/src/sentiment/corpus';
import { SentimentAnalyzer, sentimentInputOf, type SentimentDetail } from '../../libs/text-analysis/src/sentiment/sentiment';
import { SHARED_DATA, sharedDataFile } from './shared-data';
import { readXlsxRecords } from './xlsx';
import { join } from 'node:path';

function main(): void {
  const parts = process.argv.includes('--parts');
  const segmenter = defaultSegmenter();
  const analyzer = new SentimentAnalyzer();
  const detail = (text: string): SentimentDetail => analyzer.analyzeParts(sentimentInputOf(text, segmenter));
  console.log(`held-out split: seed ${SPLIT_SEED}, ${TEST_SHARE * 100}% of each file; judged on the sign of score`);
  console.log(['file', 'count', 'accuracy', 'majority', ...(parts ? ['model only', 'lexicon only', 'neutral'] : [])].join('\t'));
  for (const corpus of SENTIMENT_CORPORA) {
    const path = sharedDataFile(`sentiment/${corpus.file}`, 'sentiment evaluation');
    const { test } = splitCorpus(corpus.parse(readFileSync(path, 'utf8')));
    const details = new Map(test.map((row) => [row.text, detail(row.text)]));
    const full = signAccuracy(test, (t) => details.get(t)!.score);
    const cells = [corpus.file, String(full.count), full.accuracy.toFixed(4), full.majorityBaseline.toFixed(4)];
    if (parts) {
      const model = signAccuracy(test, (t) => details.get(t)!.model);
      const lexicon = signAccuracy(test, (t) => details.get(t)!.lexicon + details.get(t)!.emoticons);
      let neutral = 0;
      for (const d of details.values()) if (d.label === 'neutral') neutral++;
      cells.push(model.accuracy.toFixed(4), lexicon.accuracy.toFixed(4), (neutral / test.length).toFixed(3));
    }
    console.log(cells.join('\t'));
  }

  const messages = join(SHARED_DATA, 'gov-messages/messages-with-replies.xlsx');
  if (!existsSync(messages)) return;
  let complaints = 0;
  let complaintsNegative = 0;
  let questions = 0;
  let questionsNotNegative = 0;
  for (const record of readXlsxRecords(messages)) {
    const subject = String(record['留言主题'] ?? '');
    const text = String(record['留言详情'] ?? '');
    if (/^(投诉|举报)/.test(subject)) {
      complaints++;
      if (detail(text).score < 0) complaintsNegative++;
    } else if (/^(咨询|请问)|咨询$/.test(subject)) {
      questions++;
      if (detail(text).score >= 0) questionsNotNegative++;
    }
  }
  console.log('\ngovernment messages (silver labels from the subject line; a rough guide):');
  console.log(`  subject 投诉/举报…: ${complaints} messages, ${(complaintsNegative / complaints).toFixed(4)} scored negative`);
  console.log(`  subject 咨询/请问…: ${questions} messages, ${(questionsNotNegative / questions).toFixed(4)} scored not negative`);
}

main();
