import { ERROR_MESSAGES, type ErrorCode, type FieldError } from '@govdesk/contracts';

/**
 * The one exception type of the API. Each area has its codes (libs/contracts errors.ts);
 * `error-status.ts` maps every code to an HTTP status, and the exception filter turns it
 * into the JSON body the console shows in either language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: FieldError[],
    readonly messageZh?: string,
  ) {
    super(message ?? ERROR_MESSAGES[code].en);
    this.name = 'AppError';
  }
}
