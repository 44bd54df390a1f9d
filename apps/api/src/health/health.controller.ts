import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { HealthDto } from '@govdesk/contracts';
import { Public } from '../auth/roles.decorator';

const startedAt = Date.now();
const version = process.env['npm_package_version'] ?? '0.1.0';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 200 when the database answers, 503 when it does not (for load balancers). */
  @Get()
  @Public()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    let database: HealthDto['database'] = 'up';
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      database = 'down';
      res.status(503);
    }
    return { status: database === 'up' ? 'ok' : 'degraded', database, version, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
  }
}
