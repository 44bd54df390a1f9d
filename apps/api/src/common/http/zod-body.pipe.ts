import { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { AppError } from '../errors/app.error';

/** Validates a body (or query) against a contracts schema; 400 names every bad field. */
export class ZodPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const details = result.error.issues.map((issue) => ({
      field: issue.path.length ? issue.path.join('.') : '(body)',
      message: issue.message,
    }));
    const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
    throw new AppError('VALIDATION_FAILED', `Invalid input — ${summary}`, details, `输入有误：${summary}`);
  }
}
