import { AlertEventEntity } from '../alerts/alert-event.entity';
import { AlertSilenceEntity } from '../alerts/alert-silence.entity';
import { AlertEntity } from '../alerts/alert.entity';
import { EscalationPolicyEntity } from '../alerts/escalation-policy.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { CalendarYearEntity } from '../calendar/calendar-year.entity';
import { RequestAttachmentEntity } from '../disclosure/attachments/request-attachment.entity';
import { DisclosureRequestEntity } from '../disclosure/disclosure-request.entity';
import { ReceiptCounterEntity } from '../disclosure/receipt-counter.entity';
import { RequestEventEntity } from '../disclosure/request-event.entity';
import { PortalSubmissionEntity } from '../portal/portal-submission.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { RequestUrgeEntity } from '../notifications/request-urge.entity';
import { AppSettingEntity } from '../settings/app-setting.entity';
import { DeadlineAlertEntity } from '../supervision/deadline-alert.entity';
import { RequestReviewEntity } from '../supervision/request-review.entity';
import { UnitEntity } from '../units/unit.entity';
import { UserEntity } from '../users/user.entity';
import { HotspotAuthorEntity } from '../opinion/entities/hotspot-author.entity';
import { HotspotRequestEntity } from '../opinion/entities/hotspot-request.entity';
import { HotspotEntity } from '../opinion/entities/hotspot.entity';
import { MentionEntity } from '../opinion/entities/mention.entity';
import { OpinionSourceEntity } from '../opinion/entities/opinion-source.entity';
import { IdempotencyKeyEntity } from '../common/idempotency/idempotency-key.entity';
import { RateLimitEntity } from '../common/rate-limit/rate-limit.entity';
import { migrations } from './migrations';

/** Every entity of the API; each lives with the module that owns its table. */
export const entities = [
  UnitEntity,
  UserEntity,
  AuditEntryEntity,
  AppSettingEntity,
  CalendarYearEntity,
  DisclosureRequestEntity,
  RequestEventEntity,
  ReceiptCounterEntity,
  PortalSubmissionEntity,
  RequestAttachmentEntity,
  RequestReviewEntity,
  NotificationEntity,
  RequestUrgeEntity,
  DeadlineAlertEntity,
  OpinionSourceEntity,
  MentionEntity,
  HotspotEntity,
  HotspotAuthorEntity,
  HotspotRequestEntity,
  AlertEntity,
  AlertEventEntity,
  EscalationPolicyEntity,
  AlertSilenceEntity,
  IdempotencyKeyEntity,
  RateLimitEntity,
];
export { migrations };
