import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  createUnitSchema,
  updateUnitSchema,
  type CreateUnitRequest,
  type MemberDto,
  type UnitDto,
  type UpdateUnitRequest,
} from '@govdesk/contracts';
import { CurrentUser, type CurrentUserInfo } from '../auth/current-user.decorator';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { AppError } from '../common/errors/app.error';
import { Meta, type RequestMeta } from '../common/http/request-meta.decorator';
import { ZodPipe } from '../common/http/zod-body.pipe';
import { UnitsService } from './units.service';

const unitId = new ParseUUIDPipe({ exceptionFactory: () => new AppError('UNIT_NOT_FOUND') });

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  /** Unit names are public knowledge; every logged-in user may list them. */
  @Get()
  @AnyRole()
  list(): Promise<UnitDto[]> {
    return this.units.list();
  }

  @Get(':id')
  @AnyRole()
  get(@Param('id', unitId) id: string): Promise<UnitDto> {
    return this.units.get(id);
  }

  @Get(':id/members')
  @AnyRole()
  members(@Param('id', unitId) id: string, @CurrentUser() user: CurrentUserInfo): Promise<MemberDto[]> {
    return this.units.members(id, user);
  }

  @Post()
  @Roles('admin')
  @ApiBody({ schema: z.toJSONSchema(createUnitSchema) as object })
  create(
    @Body(new ZodPipe(createUnitSchema)) body: CreateUnitRequest,
    @CurrentUser() user: CurrentUserInfo,
    @Meta() meta: RequestMeta,
  ): Promise<UnitDto> {
    return this.units.create(body, user, meta);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiBody({ schema: z.toJSONSchema(updateUnitSchema, { unrepresentable: 'any' }) as object })
  update(
    @Param('id', unitId) id: string,
    @Body(new ZodPipe(updateUnitSchema)) body: UpdateUnitRequest,
    @CurrentUser() user: CurrentUserInfo,
    @Meta() meta: RequestMeta,
  ): Promise<UnitDto> {
    return this.units.update(id, body, user, meta);
  }
}
