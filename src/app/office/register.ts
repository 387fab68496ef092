/**
 * The 督查室 side's chat commands, card actions and event-bus listeners, registered by
 * src/app/features.ts with one call.
 */
import { officeActions } from '../../../cards/office-actions.js';
import type {
  CardActionContext,
  CardActionResponse,
  EventHandlers,
} from '../../feishu/handlers.js';
import type { AssignmentEventBus } from '../assignment-events.js';
import { archiveAction } from './archive-action.js';
import { commandMessageHandler } from './commands.js';
import type { OfficeContext } from './context.js';
import { extensionDecision, sendExtensionCards } from './extension-decision.js';
import { cancelIssue, confirmIssue } from './issue-confirm.js';
import { editIssue, previewFromForm } from './issue-form.js';
import { listAction } from './list.js';
import { notifyEnterpriseOfOutcome } from './notify-outcome.js';
import { sendNudgeCards } from './nudge.js';
import { patchOfficeCopiesOnChange } from './office-copies.js';
import { reviewDecision, sendReviewCards } from './review.js';
import { viewAction } from './view.js';

type Handler = (context: OfficeContext, click: CardActionContext) => Promise<CardActionResponse>;

export interface OfficeRuntime extends OfficeContext {
  handlers: EventHandlers;
  events: AssignmentEventBus;
}

export function registerOffice(context: OfficeRuntime): void {
  const { cardActions } = context.handlers;
  const register = (name: string, handler: Handler) =>
    cardActions.set(name, (click) => handler(context, click));

  context.handlers.onMessage = commandMessageHandler(context);

  register(officeActions.previewIssue, previewFromForm);
  register(officeActions.confirmIssue, confirmIssue);
  register(officeActions.editIssue, editIssue);
  register(officeActions.cancelIssue, cancelIssue);
  register(officeActions.review, reviewDecision);
  register(officeActions.archive, archiveAction);
  register(officeActions.decideExtension, extensionDecision);
  register(officeActions.list, listAction);
  register(officeActions.view, viewAction);

  context.events.on('office: review cards', sendReviewCards(context));
  context.events.on('office: extension decision cards', sendExtensionCards(context));
  context.events.on(
    'office: patch review and extension copies',
    patchOfficeCopiesOnChange(context),
  );
  context.events.on('office: tell the enterprise of decisions', notifyEnterpriseOfOutcome(context));
  context.events.on('office: 催办 cards', sendNudgeCards(context));
}
