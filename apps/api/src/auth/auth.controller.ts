import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { loginRequestSchema, type LoginRequest, type LoginResponse, type SessionUser } from '@govdesk/contracts';
import { Meta, type RequestMeta } from '../common/http/request-meta.decorator';
import { ZodPipe } from '../common/http/zod-body.pipe';
import { AuthService } from './auth.service';
import { CurrentUser, type CurrentUserInfo } from './current-user.decorator';
import { AnyRole, Public } from './roles.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiBody({ schema: z.toJSONSchema(loginRequestSchema) as object })
  login(@Body(new ZodPipe(loginRequestSchema)) body: LoginRequest, @Meta() meta: RequestMeta): Promise<LoginResponse> {
    return this.auth.login(body, meta);
  }

  @Get('me')
  @AnyRole()
  @ApiBearerAuth()
  me(@CurrentUser() user: CurrentUserInfo): SessionUser {
    return { id: user.id, username: user.username, displayName: user.displayName, roles: [...user.roles], unitId: user.unitId };
  }
}
