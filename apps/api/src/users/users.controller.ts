import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createUserSchema, updateUserSchema, type CreateUserRequest, type UpdateUserRequest, type UserDto } from '@govdesk/contracts';
import { CurrentUser, type CurrentUserInfo } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { AppError } from '../common/errors/app.error';
import { Meta, type RequestMeta } from '../common/http/request-meta.decorator';
import { ZodPipe } from '../common/http/zod-body.pipe';
import { UsersService } from './users.service';

const userId = new ParseUUIDPipe({ exceptionFactory: () => new AppError('USER_NOT_FOUND') });

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  @Get(':id')
  get(@Param('id', userId) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Post()
  @ApiBody({ schema: z.toJSONSchema(createUserSchema, { io: 'input' }) as object })
  create(
    @Body(new ZodPipe(createUserSchema)) body: CreateUserRequest,
    @CurrentUser() user: CurrentUserInfo,
    @Meta() meta: RequestMeta,
  ): Promise<UserDto> {
    return this.users.create(body, user, meta);
  }

  @Patch(':id')
  @ApiBody({ schema: z.toJSONSchema(updateUserSchema, { unrepresentable: 'any' }) as object })
  update(
    @Param('id', userId) id: string,
    @Body(new ZodPipe(updateUserSchema)) body: UpdateUserRequest,
    @CurrentUser() user: CurrentUserInfo,
    @Meta() meta: RequestMeta,
  ): Promise<UserDto> {
    return this.users.update(id, body, user, meta);
  }
}
