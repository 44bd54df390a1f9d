import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { AppSettingEntity } from '../settings/app-setting.entity';
import { UnitEntity } from '../units/unit.entity';
import { UserEntity } from '../users/user.entity';
import { migrations } from './migrations';

/** Every entity of the API; each lives with the module that owns its table. */
export const entities = [UnitEntity, UserEntity, AuditEntryEntity, AppSettingEntity];
export { migrations };
