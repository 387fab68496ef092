/**
 * Builds the dossier when an assignment is archived: an event-bus listener on the `archive`
 * audit action. Idempotent: a dossier already stored is kept as it is. The printable notice is
 * rendered now, with the policy and office of the moment, and kept in the dossier.
 */
import { buildDossier } from '../../domain/dossier.js';
import { printableNoticePage } from '../../reports/html/notice-print.page.js';
import type { RuntimeContext } from '../../runtime.js';
import { timelineOf } from '../../store/audit-event.repo.js';
import { insertDossier, remindersSentFor } from '../../store/dossier.repo.js';
import { entriesOf } from '../../store/ledger.repo.js';
import type { AssignmentEventListener } from '../assignment-events.js';

/** The listener; register it on the assignment event bus. */
export function dossierOnArchive(
  context: Pick<RuntimeContext, 'policy' | 'logger'> & {
    directory: Pick<RuntimeContext['directory'], 'current'>;
  },
): AssignmentEventListener {
  return async (event, assignment) => {
    if (event.action !== 'archive' || assignment.state !== 'archived') return;

    const [directory, ledger, reminders, timeline] = await Promise.all([
      context.directory.current(),
      entriesOf(assignment.id),
      remindersSentFor(assignment.id),
      timelineOf(assignment.id),
    ]);
    const dossier = buildDossier({
      assignment,
      archivedBy: event.actor,
      office: directory.office,
      retention: context.policy.archive.retention,
      ledger,
      reminders,
      timeline,
      printedNotice: printableNoticePage({
        assignment,
        office: directory.office,
        policy: context.policy,
      }),
    });
    const stored = await insertDossier(dossier);
    context.logger.info(
      { assignmentId: assignment.id, archiveNumber: dossier.archiveNumber, stored },
      'dossier built',
    );
  };
}
