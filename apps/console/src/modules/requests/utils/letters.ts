import type { RequestDetailDto } from '@govdesk/contracts';

export const LETTER_KINDS = ['acknowledgement', 'correction_notice', 'extension_notice', 'consultation_letter', 'reply'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The letters whose event has happened (the API answers 409 for the others). */
export function availableLetters(r: Pick<RequestDetailDto, 'timeline' | 'extension' | 'reply'>): LetterKind[] {
  const did = (action: string) => r.timeline.some((e) => e.action === action);
  return LETTER_KINDS.filter((kind) => {
    switch (kind) {
      case 'acknowledgement':
        return true;
      case 'correction_notice':
        return did('request_correction');
      case 'extension_notice':
        return r.extension !== 'none';
      case 'consultation_letter':
        return did('start_consultation');
      case 'reply':
        return r.reply !== null;
    }
  });
}
