import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '@govdesk/domain';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { hashPassword } from '../auth/password.util';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UnitEntity } from '../units/unit.entity';
import { UserEntity } from '../users/user.entity';
import { DEMO_ACCOUNTS, DEMO_UNITS } from './demo-organisation';

export interface SeedReport {
  /** False when the database already had users: nothing was changed. */
  seeded: boolean;
  demo: boolean;
  /** The demo accounts (or the admin alone), whether seeded now or at an earlier start. */
  accounts: { username: string; displayName: string; roles: Role[]; unit: string | null }[];
}

/** Fills an empty database: the demo county, or only an admin with GOVDESK_DEMO=off. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async seedIfEmpty(): Promise<SeedReport> {
    const demo = this.config.demo;
    const password = demo ? this.config.demoPassword : this.config.adminPassword;
    if (!password) throw new Error('SeedService needs GOVDESK_DEMO_PASSWORD or GOVDESK_ADMIN_PASSWORD resolved by the caller');
    const accounts = demo ? DEMO_ACCOUNTS : DEMO_ACCOUNTS.filter((a) => a.username === 'admin');
    const unitNames = new Map(DEMO_UNITS.map((u) => [u.code, u.name]));
    const listed = accounts.map((a) => ({
      username: a.username,
      displayName: a.displayName,
      roles: a.roles,
      unit: a.unitCode ? (unitNames.get(a.unitCode) ?? null) : null,
    }));

    return this.dataSource.transaction(async (manager) => {
      // Several processes may start at once on one database: one seeds, the others see users.
      await manager.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
      if ((await manager.count(UserEntity)) > 0) return { seeded: false, demo, accounts: listed };

      const units = demo ? await manager.save(DEMO_UNITS.map((u) => manager.create(UnitEntity, u))) : [];
      const unitByCode = new Map(units.map((u) => [u.code, u]));
      const hashes = await Promise.all(accounts.map(() => hashPassword(password)));
      const users = await manager.save(
        accounts.map((a, i) =>
          manager.create(UserEntity, {
            username: a.username,
            displayName: a.username === 'admin' && !demo ? 'Administrator' : a.displayName,
            roles: a.roles,
            unitId: a.unitCode ? (unitByCode.get(a.unitCode)?.id ?? null) : null,
            passwordHash: hashes[i],
          }),
        ),
      );
      await this.audit.record(manager, {
        actor: SYSTEM_ACTOR,
        action: demo ? 'seed.demo' : 'seed.admin',
        entityType: 'installation',
        entityId: null,
        after: { units: units.map((u) => u.name), users: users.map((u) => u.username) },
      });
      this.logger.log(`Seeded ${units.length} units and ${users.length} users`);
      return { seeded: true, demo, accounts: listed };
    });
  }
}
