import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '@govdesk/domain';
import type { TransitionRequest } from '@govdesk/contracts';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import type { CurrentUserInfo } from '../auth/current-user.decorator';
import { Clock } from '../common/time/clock';
import { DisclosureService } from '../disclosure/disclosure.service';
import { hashPassword } from '../auth/password.util';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UnitEntity } from '../units/unit.entity';
import { UserEntity } from '../users/user.entity';
import { DEMO_ACCOUNTS, DEMO_UNIT_LEADS, DEMO_UNITS } from './demo-organisation';
import { IngestService } from '../opinion/ingest.service';
import { generateDemoMentions } from './demo-mentions';
import { demoRequestScripts, type DemoRequestScript } from './demo-requests';

export interface SeedReport {
  /** False when the database already had users: nothing was changed. */
  seeded: boolean;
  /** Demo disclosure requests played through the real use cases (0 unless seeded now). */
  requests: number;
  /** Demo mentions ingested through the pipeline (0 unless seeded now). */
  mentions: number;
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
    private readonly disclosure: DisclosureService,
    private readonly clock: Clock,
    private readonly ingest: IngestService,
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

    const report = await this.dataSource.transaction(async (manager): Promise<SeedReport> => {
      // Several processes may start at once on one database: one seeds, the others see users.
      await manager.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
      if ((await manager.count(UserEntity)) > 0) return { seeded: false, requests: 0, mentions: 0, demo, accounts: listed };

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
      for (const unit of units) {
        const lead = users.find((u) => u.username === DEMO_UNIT_LEADS[unit.code]);
        if (lead) await manager.update(UnitEntity, { id: unit.id }, { leadUserId: lead.id });
      }
      await this.audit.record(manager, {
        actor: SYSTEM_ACTOR,
        action: demo ? 'seed.demo' : 'seed.admin',
        entityType: 'installation',
        entityId: null,
        after: { units: units.map((u) => u.name), users: users.map((u) => u.username) },
      });
      this.logger.log(`Seeded ${units.length} units and ${users.length} users`);
      return { seeded: true, requests: 0, mentions: 0, demo, accounts: listed };
    });
    if (report.seeded && demo && this.config.demoRequests > 0) report.requests = await this.seedRequests(this.config.demoRequests);
    if (report.seeded && demo && this.config.demoMentions > 0) report.mentions = await this.seedMentions(this.config.demoMentions);
    return report;
  }

  /** Ingests the demo mentions (14 days up to now) through the real pipeline: hotspots, levels, alerts. */
  private async seedMentions(count: number): Promise<number> {
    const started = Date.now();
    const mentions = generateDemoMentions({ seed: 20261126, now: new Date(), days: 14, count });
    let accepted = 0;
    for (let i = 0; i < mentions.length; i += 1000) {
      accepted += (await this.ingest.ingest(mentions.slice(i, i + 1000), { actor: { ...SYSTEM_ACTOR, username: 'demo-seed' }, sourceId: null })).accepted;
    }
    this.logger.log(`Ingested ${accepted} demo mentions in ${Date.now() - started} ms`);
    return accepted;
  }

  /** Plays the demo requests through the real use cases, so timelines and audit entries are true. */
  private async seedRequests(count: number): Promise<number> {
    const started = Date.now();
    const users = await this.dataSource.getRepository(UserEntity).find();
    const units = await this.dataSource.getRepository(UnitEntity).find();
    const actorOf = (u: UserEntity): CurrentUserInfo => ({ id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, unitId: u.unitId });
    const supervisor = users.find((u) => u.roles.includes('supervisor'));
    if (!supervisor) return 0;
    const meta = { ip: null };
    let played = 0;
    const scripts = demoRequestScripts(this.clock.today(), count);
    const play = async (script: DemoRequestScript) => {
      const unit = units.find((u) => u.code === script.unitCode);
      if (!unit) return;
      // The unit's handler plays its requests; its lead only when nobody else handles.
      const handlers = users.filter((u) => u.unitId === unit.id && u.roles.includes('handler'));
      const handlerUser = handlers.find((u) => u.id !== unit.leadUserId) ?? handlers[0];
      const handler = actorOf(handlerUser ?? supervisor);
      try {
        let request = await this.disclosure.register({ ...script.register, unitId: unit.id }, handler, meta);
        for (const step of script.steps) {
          const actor = step.by === 'supervisor' ? actorOf(supervisor) : handler;
          request = { ...request, ...(await this.disclosure.transition(request.id, { ...step.body, version: request.version } as TransitionRequest, actor, meta)) };
        }
        played++;
      } catch (error) {
        this.logger.warn(`Demo request for ${unit.name} stopped early: ${(error as Error).message}`);
      }
    };
    for (let i = 0; i < scripts.length; i += 4) await Promise.all(scripts.slice(i, i + 4).map(play));
    this.logger.log(`Seeded ${played} demo disclosure requests in ${Date.now() - started} ms`);
    return played;
  }
}
