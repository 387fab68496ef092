/**
 * Reports, exports and the archive, registered by src/app/features.ts with one call: the
 * statistics card's 导出 Excel button, the digest's 阅示 form, the dossier listener, and the
 * pages (signed links, operations pages).
 */
import { submitRemarksAction } from '../../../cards/digest.card.js';
import { exportStatisticsAction } from '../../../cards/statistics.card.js';
import { createAdminRouter } from '../../http/admin.routes.js';
import { createPrintRouter } from '../../http/print.routes.js';
import type { RuntimeContext } from '../../runtime.js';
import { dossierOnArchive } from '../archive/dossier-listener.js';
import { submitRemarksHandler } from './remarks.js';
import { exportStatisticsHandler } from './statistics-export.js';

export function registerReports(context: RuntimeContext): void {
  const { cardActions } = context.handlers;
  cardActions.set(exportStatisticsAction, exportStatisticsHandler(context));
  cardActions.set(submitRemarksAction, submitRemarksHandler(context));

  context.events.on('dossier', dossierOnArchive(context));

  context.routers.push(
    { path: '/', router: createPrintRouter(context) },
    { path: '/admin', router: createAdminRouter(context) },
  );
}
