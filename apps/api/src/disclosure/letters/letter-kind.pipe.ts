import type { PipeTransform } from '@nestjs/common';
import { AppError } from '../../common/errors/app.error';
import { LETTER_KINDS, LETTER_NAMES, type LetterKind } from './letter-wording';

/** The `:kind` of a letter route: one of LETTER_KINDS, else 400 naming them. */
export const letterKindPipe: PipeTransform<string, LetterKind> = {
  transform(value: string): LetterKind {
    const kind = LETTER_KINDS.find((k) => k === value);
    if (kind) return kind;
    throw new AppError(
      'VALIDATION_FAILED',
      `kind must be one of: ${LETTER_KINDS.join(', ')}`,
      [{ field: 'kind', message: `must be one of: ${LETTER_KINDS.join(', ')}` }],
      `信函种类须为：${LETTER_KINDS.map((k) => LETTER_NAMES[k]).join('、')}。`,
    );
  },
};
