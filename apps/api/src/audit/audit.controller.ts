import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { AuditEntryDto } from '@govdesk/contracts';
import { Roles } from '../auth/roles.decorator';
import { ZodPipe } from '../common/http/zod-body.pipe';
import { AuditService } from './audit.service';

const auditQuerySchema = z.object({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.uuid().optional(),
  beforeId: z.string().regex(/^\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin', 'supervisor')
  list(@Query(new ZodPipe(auditQuerySchema)) query: z.infer<typeof auditQuerySchema>): Promise<AuditEntryDto[]> {
    return this.audit.list(query);
  }
}
