import { isUtf8 } from 'node:buffer';
import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AppError } from '../errors/app.error';

/**
 * JSON body parsing as a Nest middleware, so that malformed JSON (400) and oversize bodies
 * (413) reach the exception filter and answer in the API's error format.
 */
/** Routes that take large batches get their own limit. */
const INGEST_PATH = /^\/api\/opinion\/mentions\/?$/;
/** Refuses a body that is not valid UTF-8 instead of storing replacement characters. */
function verifyUtf8(_req: unknown, _res: unknown, buffer: Buffer): void {
  if (!isUtf8(buffer)) throw Object.assign(new Error('invalid UTF-8'), { type: 'encoding.invalid' });
}

@Injectable()
export class JsonBodyMiddleware implements NestMiddleware {
  private readonly parse: RequestHandler;
  private readonly parseIngest: RequestHandler;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.parse = express.json({ limit: config.bodyLimit, verify: verifyUtf8 });
    this.parseIngest = express.json({ limit: config.ingestBodyLimit, verify: verifyUtf8 });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const parse = INGEST_PATH.test(req.originalUrl.split('?')[0] ?? '') ? this.parseIngest : this.parse;
    parse(req, res, (error?: unknown) => next(error === undefined ? undefined : toBodyError(error)));
  }
}

/** body-parser's errors (http-errors with a `type`) as the API's own. */
function toBodyError(error: unknown): unknown {
  switch ((error as { type?: string } | null)?.type) {
    case 'entity.parse.failed':
      return new AppError('MALFORMED_JSON');
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'encoding.invalid':
      return new AppError('INVALID_ENCODING');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('VALIDATION_FAILED', 'Unsupported body encoding.', undefined, '不支持的请求编码。');
    default:
      return error;
  }
}
