import type { MigrationInterface } from 'typeorm';
import { Foundation1795702031285 } from './1795702031285-foundation';
import { DisclosureRequests1795704659844 } from './1795704659844-disclosure-requests';
import { PortalSubmissions1795705145387 } from './1795705145387-portal-submissions';
import { RequestAttachments1795705298848 } from './1795705298848-request-attachments';
import { RequestReviews1795705541564 } from './1795705541564-request-reviews';
import { NotificationsAndUrges1795705888095 } from './1795705888095-notifications-and-urges';
import { DeadlineAlerts1795706127978 } from './1795706127978-deadline-alerts';
import { SocketIoAttachments1795706500000 } from './1795706500000-socket-io-attachments';
import { FeePending1795708786981 } from './1795708786981-fee-pending';
import { OpinionPipeline1795710639821 } from './1795710639821-opinion-pipeline';
import { Alerts1795711002506 } from './1795711002506-alerts';
import { UnitLead1795719815310 } from './1795719815310-unit-lead';
import { RequestListIndexes1795721266969 } from './1795721266969-request-list-indexes';
import { TimelinessFigures1795724025623 } from './1795724025623-timeliness-figures';
import { IdempotencyKeys1795730483186 } from './1795730483186-idempotency-keys';
import { RateLimits1795732757382 } from './1795732757382-rate-limits';
// Every migration, in order. `npm run migration:generate -- Name` adds one here.
export const migrations: (new () => MigrationInterface)[] = [Foundation1795702031285, DisclosureRequests1795704659844, PortalSubmissions1795705145387, RequestAttachments1795705298848, RequestReviews1795705541564, NotificationsAndUrges1795705888095, DeadlineAlerts1795706127978, SocketIoAttachments1795706500000, FeePending1795708786981, OpinionPipeline1795710639821, Alerts1795711002506, UnitLead1795719815310, RequestListIndexes1795721266969, TimelinessFigures1795724025623, IdempotencyKeys1795730483186, RateLimits1795732757382];
