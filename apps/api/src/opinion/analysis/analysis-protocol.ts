import type { AnalyzerOptions, TextAnalysis } from '@govdesk/text-analysis';

/** What admins edit, as the analyser takes it. */
export type AnalysisSettings = Required<Pick<AnalyzerOptions, 'userDictionary' | 'sensitiveWords' | 'taxonomy'>>;

export type WorkerRequest = { id: number; type: 'settings'; settings: AnalysisSettings } | { id: number; type: 'analyze'; texts: string[] };
export type WorkerReply = { id: number; results: TextAnalysis[]; error?: undefined } | { id: number; error: string; results?: undefined };
