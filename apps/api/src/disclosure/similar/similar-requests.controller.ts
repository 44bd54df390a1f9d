import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { similarCheckSchema, type SimilarRequestsDto } from '@govdesk/contracts';
import { CurrentUser, type CurrentUserInfo } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { AppError } from '../../common/errors/app.error';
import { ZodPipe } from '../../common/http/zod-body.pipe';
import { SimilarRequestsService } from './similar-requests.service';

const requestId = new ParseUUIDPipe({ exceptionFactory: () => new AppError('REQUEST_NOT_FOUND') });

/** Earlier requests like this one; Art. 44's proposal to move repeated asks into proactive disclosure. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
@Roles('handler', 'supervisor', 'admin')
export class SimilarRequestsController {
  constructor(private readonly similar: SimilarRequestsService) {}

  /** Before registering: does this look like something already asked? */
  @Post('similar')
  @HttpCode(200)
  check(@Body(new ZodPipe(similarCheckSchema)) body: z.infer<typeof similarCheckSchema>, @CurrentUser() user: CurrentUserInfo): Promise<SimilarRequestsDto> {
    return this.similar.similarTo(body.unitId, body.description, body.applicantIdNumber, null, user);
  }

  @Get(':id/similar')
  forRequest(@Param('id', requestId) id: string, @CurrentUser() user: CurrentUserInfo): Promise<SimilarRequestsDto> {
    return this.similar.forRequest(id, user);
  }
}
