import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  registerRequestSchema,
  requestListQuerySchema,
  transitionSchema,
  type ApplicantDto,
  type RegisteredRequestDto,
  type RegisterRequest,
  type RequestDetailDto,
  type RequestListQuery,
  type RequestPageDto,
  type TransitionRequest,
} from '@govdesk/contracts';
import { CurrentUser, type CurrentUserInfo } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { AppError } from '../common/errors/app.error';
import { Meta, type RequestMeta } from '../common/http/request-meta.decorator';
import { ZodPipe } from '../common/http/zod-body.pipe';
import { DisclosureService } from './disclosure.service';
import { letterKindPipe } from './letters/letter-kind.pipe';
import { contentDisposition, DOCX_TYPE, LettersService } from './letters/letters.service';
import { LETTER_KINDS, type LetterKind } from './letters/letter-wording';

const requestId = new ParseUUIDPipe({ exceptionFactory: () => new AppError('REQUEST_NOT_FOUND') });
const schema = (s: z.ZodType) => z.toJSONSchema(s, { unrepresentable: 'any', io: 'input' }) as object;

/** Disclosure requests (依申请公开): handlers of the unit, supervisors and admins county-wide. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
@Roles('handler', 'supervisor', 'admin')
export class DisclosureController {
  constructor(
    private readonly requests: DisclosureService,
    private readonly letters: LettersService,
  ) {}

  @Post()
  @ApiBody({ schema: schema(registerRequestSchema) })
  register(
    @Body(new ZodPipe(registerRequestSchema)) body: RegisterRequest,
    @CurrentUser() user: CurrentUserInfo,
    @Meta() meta: RequestMeta,
  ): Promise<RegisteredRequestDto> {
    return this.requests.register(body, user, meta);
  }

  @Get()
  list(@Query(new ZodPipe(requestListQuerySchema)) query: RequestListQuery, @CurrentUser() user: CurrentUserInfo): Promise<RequestPageDto> {
    return this.requests.list(query, user);
  }

  /** The filtered list as .xlsx (personal data masked), up to 10,000 requests. */
  @Get('export')
  async export(@Query(new ZodPipe(requestListQuerySchema)) query: RequestListQuery, @CurrentUser() user: CurrentUserInfo): Promise<StreamableFile> {
    const buffer = await this.requests.exportXlsx(query, user);
    return new StreamableFile(buffer, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      length: buffer.length,
      disposition: `attachment; filename="requests.xlsx"; filename*=UTF-8''${encodeURIComponent('政府信息公开申请清单')}.xlsx`,
    });
  }

  @Get(':id')
  get(@Param('id', requestId) id: string, @CurrentUser() user: CurrentUserInfo): Promise<RequestDetailDto> {
    return this.requests.get(id, user);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('handler', 'supervisor')
  @ApiBody({ schema: schema(transitionSchema) })
  transition(
    @Param('id', requestId) id: string,
    @Body(new ZodPipe(transitionSchema)) body: TransitionRequest,
    @CurrentUser() user: CurrentUserInfo,
    @Meta() meta: RequestMeta,
  ): Promise<RequestDetailDto> {
    return this.requests.transition(id, body, user, meta);
  }

  @Post(':id/reveal')
  @HttpCode(200)
  reveal(@Param('id', requestId) id: string, @CurrentUser() user: CurrentUserInfo, @Meta() meta: RequestMeta): Promise<{ applicant: ApplicantDto }> {
    return this.requests.reveal(id, user, meta);
  }

  /** A formal letter of the request as .docx (409 while the event it answers has not happened). */
  @Get(':id/letters/:kind')
  @Roles('handler', 'supervisor', 'admin')
  @Header('Cache-Control', 'no-store')
  @ApiParam({ name: 'kind', enum: LETTER_KINDS })
  @ApiProduces(DOCX_TYPE)
  async letter(
    @Param('id', requestId) id: string,
    @Param('kind', letterKindPipe) kind: LetterKind,
    @CurrentUser() user: CurrentUserInfo,
  ): Promise<StreamableFile> {
    const file = await this.letters.letter(id, kind, user);
    return new StreamableFile(file.content, {
      type: DOCX_TYPE,
      length: file.content.length,
      disposition: contentDisposition(file),
    });
  }
}
