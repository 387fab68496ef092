import type { Clock } from '../../clock.js';
import type { WorkingCalendar } from '../../domain/calendar.js';
import type { Policy } from '../../domain/policy.js';
import type { Directory } from '../../domain/types.js';
import type { Outbox } from '../../feishu/outbound.js';
import type { Logger } from '../../logging/logger.js';
import type { ReportLinks } from '../../reports/signed-links.js';
import type { AuditEvent } from '../../store/audit-event.repo.js';

/**
 * What the enterprise features use of the runtime (src/runtime.ts RuntimeContext provides it):
 * time, the rules, the directory in force, the outbox, and the event bus.
 */
export interface EnterpriseContext {
  logger: Logger;
  clock: Clock;
  policy: Policy;
  calendar: WorkingCalendar;
  directory: { current(): Promise<Directory> };
  outbox: Outbox;
  events: { dispatch(event: AuditEvent): Promise<boolean> };
  /** Signed links for cards (the printable notice); absent where no HTTP server serves them. */
  links?: Pick<ReportLinks, 'printableNoticeUrl'>;
}
