import type { Assignment } from '../domain/assignment.js';
import type { Logger } from '../logging/logger.js';
import { loadAssignment } from '../store/assignment.repo.js';
import { markDispatched, undispatchedEvents, type AuditEvent } from '../store/audit-event.repo.js';

/**
 * Reacts to something that happened to an assignment: send cards, patch copies, reschedule
 * reminders, build a dossier. Must be idempotent (derive message uuids and job ids from the
 * event), because an event whose listeners failed is dispatched again by the sweeper.
 */
export type AssignmentEventListener = (event: AuditEvent, assignment: Assignment) => Promise<void>;

/**
 * Hands each applied audit event (issue, transition, 催办 note) to every listener, then marks it
 * dispatched. If a listener throws, the event stays undispatched and `sweep` retries it later,
 * so a crash between a change and its notifications loses nothing.
 */
export class AssignmentEventBus {
  private readonly listeners: Array<{ name: string; listener: AssignmentEventListener }> = [];

  constructor(private readonly logger: Logger) {}

  /** Adds a listener; `name` appears in logs when it fails. */
  on(name: string, listener: AssignmentEventListener): void {
    this.listeners.push({ name, listener });
  }

  /** Runs every listener for the event; true when all succeeded and it is marked dispatched. */
  async dispatch(event: AuditEvent): Promise<boolean> {
    if (event.dispatched || !event.assignmentId) return true;
    const assignment = await loadAssignment(event.assignmentId);
    if (!assignment) return false;

    let failures = 0;
    for (const { name, listener } of this.listeners) {
      try {
        await listener(event, assignment);
      } catch (error) {
        failures += 1;
        this.logger.error(
          { err: error, listener: name, eventId: event._id, assignmentId: event.assignmentId },
          'assignment event listener failed; the sweeper will retry',
        );
      }
    }
    if (failures > 0) return false;

    await markDispatched(event._id);
    return true;
  }

  /** Dispatches events left undispatched for longer than `graceMs` (crash, failed listener). */
  async sweep(now: Date, graceMs = 60_000): Promise<number> {
    const stale = await undispatchedEvents(new Date(now.getTime() - graceMs));
    let done = 0;
    for (const event of stale) if (await this.dispatch(event)) done += 1;

    return done;
  }
}
