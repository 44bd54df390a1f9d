import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppSettingEntity } from '../settings/app-setting.entity';

export interface TokenPayload {
  sub: string;
  username: string;
}

const SECRET_KEY = 'auth.jwt_secret';

/**
 * Signs and verifies access tokens (HS256). The secret is GOVDESK_JWT_SECRET if set, else one
 * generated at first start and kept in the database, so every API process shares it.
 */
@Injectable()
export class TokenService implements OnModuleInit {
  private secret = '';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.jwtSecret) {
      this.secret = this.config.jwtSecret;
      return;
    }
    const candidate = randomBytes(48).toString('base64url');
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AppSettingEntity)
      .values({ key: SECRET_KEY, value: candidate })
      .orIgnore()
      .execute();
    const row = await this.dataSource.getRepository(AppSettingEntity).findOneByOrFail({ key: SECRET_KEY });
    this.secret = row.value;
  }

  get ttlSeconds(): number {
    return this.config.tokenTtlSeconds;
  }

  sign(payload: TokenPayload): Promise<string> {
    return this.jwt.signAsync(payload, { secret: this.secret, expiresIn: this.config.tokenTtlSeconds, algorithm: 'HS256' });
  }

  /** The payload of a valid, unexpired token; null otherwise. */
  async verify(token: string): Promise<TokenPayload | null> {
    try {
      const payload = await this.jwt.verifyAsync<TokenPayload>(token, { secret: this.secret, algorithms: ['HS256'] });
      return typeof payload.sub === 'string' ? payload : null;
    } catch {
      return null;
    }
  }
}
