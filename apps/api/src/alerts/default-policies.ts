import type { EscalationPolicyRequest } from '@govdesk/contracts';
import type { HotspotLevel } from '@govdesk/domain';

/** Until an admin edits them: the more serious the level, the sooner supervisors hear of an unacknowledged alert. */
export const DEFAULT_ESCALATION_POLICIES: Record<HotspotLevel, EscalationPolicyRequest> = {
  1: {
    steps: [
      { waitSeconds: 0, notify: { roles: ['monitor', 'supervisor'], unitIds: [], userIds: [] } },
      { waitSeconds: 300, notify: { roles: ['supervisor', 'admin'], unitIds: [], userIds: [] } },
    ],
    repeat: true,
    ackTimeoutSeconds: 1800,
  },
  2: {
    steps: [
      { waitSeconds: 0, notify: { roles: ['monitor'], unitIds: [], userIds: [] } },
      { waitSeconds: 600, notify: { roles: ['supervisor'], unitIds: [], userIds: [] } },
    ],
    repeat: true,
    ackTimeoutSeconds: 3600,
  },
  3: {
    steps: [
      { waitSeconds: 0, notify: { roles: ['monitor'], unitIds: [], userIds: [] } },
      { waitSeconds: 1800, notify: { roles: ['supervisor'], unitIds: [], userIds: [] } },
    ],
    repeat: false,
    ackTimeoutSeconds: 4 * 3600,
  },
  4: {
    steps: [{ waitSeconds: 0, notify: { roles: ['monitor'], unitIds: [], userIds: [] } }],
    repeat: false,
    ackTimeoutSeconds: 24 * 3600,
  },
};
