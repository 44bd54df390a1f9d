import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import type { Response } from 'express';
import { ERROR_MESSAGES, type ApiErrorBody, type ErrorCode } from '@govdesk/contracts';
import { AppError } from './app.error';
import { ERROR_STATUS } from './error-status';

/** Turns every error into `ApiErrorBody` JSON; unexpected ones are logged and hidden. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    const error = this.toAppError(exception);
    const statusCode = ERROR_STATUS[error.code];
    if (statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const body: ApiErrorBody = {
      statusCode,
      code: error.code,
      message: error.message,
      messageZh: error.messageZh ?? ERROR_MESSAGES[error.code].zh,
      ...(error.details ? { details: error.details } : {}),
    };
    if (!response.headersSent) response.status(statusCode).json(body);
  }

  private toAppError(exception: unknown): AppError {
    if (exception instanceof AppError) return exception;
    if (exception instanceof NotFoundException) return new AppError('ROUTE_NOT_FOUND');
    if (exception instanceof PayloadTooLargeException) return new AppError('PAYLOAD_TOO_LARGE');
    if (exception instanceof HttpException) {
      const code = HTTP_FALLBACK[exception.getStatus()];
      if (code) return new AppError(code);
    }
    return new AppError('INTERNAL');
  }
}

const HTTP_FALLBACK: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'AUTH_REQUIRED',
  403: 'AUTH_FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
};
