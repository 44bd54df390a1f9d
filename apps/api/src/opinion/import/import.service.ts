import { Injectable } from '@nestjs/common';
import { MAX_MENTIONS_PER_CALL, type ImportMapping, type ImportPreviewDto, type ImportResultDto } from '@govdesk/contracts';
import type { AuditActor } from '../../audit/audit.service';
import { AppError } from '../../common/errors/app.error';
import { IngestService } from '../ingest.service';
import { readTable, rowsToMentions, suggestMapping, type Table } from './spreadsheet';

export interface UploadedSheet {
  originalname: string;
  buffer: Buffer;
}

const cellText = (v: unknown): string => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v));

/**
 * Hotline and message-board exports: a preview with a guessed column mapping, then the rows
 * through the same ingest as the API, 1,000 per transaction. Importing a file again stores
 * nothing twice (the rows come back as duplicates), so an interrupted import can be redone.
 */
@Injectable()
export class ImportService {
  constructor(private readonly ingest: IngestService) {}

  async preview(file: UploadedSheet | undefined): Promise<ImportPreviewDto> {
    const table = await this.read(file);
    return {
      fileName: file!.originalname,
      sheet: table.sheet,
      columns: table.columns,
      rowCount: table.rows.length,
      sample: table.rows.slice(0, 10).map((r) => Object.fromEntries(table.columns.map((c) => [c, cellText(r.cells[c]).slice(0, 300)]))),
      suggested: suggestMapping(table.columns),
    };
  }

  async import(file: UploadedSheet | undefined, mapping: ImportMapping, actor: AuditActor, ip: string | null): Promise<ImportResultDto> {
    const table = await this.read(file);
    const missing = Object.values(mapping.mapping).filter((c) => !table.columns.includes(c));
    if (missing.length) {
      throw new AppError('VALIDATION_FAILED', `No such column: ${missing.join(', ')}`, [{ field: 'mapping', message: `no such column: ${missing.join(', ')}` }], `表中没有这些列：${missing.join('、')}`);
    }
    const rows = rowsToMentions(table.rows, mapping.mapping, mapping.channel);
    const result: ImportResultDto = { rowCount: rows.length, accepted: 0, duplicates: 0, rejected: 0, errors: [], hotspots: 0 };
    const hotspots = new Set<string>();
    for (const r of rows) {
      if (r.error) {
        result.rejected++;
        if (result.errors.length < 100) result.errors.push({ row: r.row, error: r.error });
      }
    }
    const valid = rows.filter((r) => r.input);
    for (let i = 0; i < valid.length; i += MAX_MENTIONS_PER_CALL) {
      const chunk = valid.slice(i, i + MAX_MENTIONS_PER_CALL);
      const answer = await this.ingest.ingest(
        chunk.map((r) => r.input),
        { actor, sourceId: null, ip },
      );
      answer.results.forEach((res, j) => {
        if (res.hotspotId) hotspots.add(res.hotspotId);
        if (res.error) {
          result.rejected++;
          if (result.errors.length < 100) result.errors.push({ row: chunk[j]!.row, error: res.error });
        } else if (res.duplicate) result.duplicates++;
        else result.accepted++;
      });
    }
    result.hotspots = hotspots.size;
    return result;
  }

  private async read(file: UploadedSheet | undefined): Promise<Table> {
    if (!file) throw new AppError('VALIDATION_FAILED', 'Attach the spreadsheet as the multipart field "file".', [{ field: 'file', message: 'required' }], '请上传表格文件。');
    try {
      return await readTable(file.buffer, file.originalname);
    } catch (error) {
      throw new AppError('IMPORT_UNREADABLE', (error as Error).message, undefined, (error as Error).message);
    }
  }
}
