/**
 * The enterprise side's card actions and event-bus listeners, registered by
 * src/app/features.ts with one call.
 */
import { formActions } from '../../../cards/form-card.js';
import { listActions } from '../../../cards/my-assignments.card.js';
import { enterpriseActions } from '../../../cards/notice-actions.js';
import type { TransitionName } from '../../domain/lifecycle/index.js';
import type {
  CardActionContext,
  CardActionResponse,
  EventHandlers,
} from '../../feishu/handlers.js';
import type { AssignmentEventBus } from '../assignment-events.js';
import { acknowledge } from './acknowledge.js';
import type { EnterpriseContext } from './context.js';
import { extensionForm } from './extension.js';
import { feedbackForm } from './feedback.js';
import { openForm, submitForm, type FormSpec } from './form-flow.js';
import { myAssignments } from './my-assignments.js';
import { openNoticeDetail } from './notice-detail.js';
import { notifyEnterpriseOnChange } from './notify-enterprise.js';
import { patchCopiesOnChange } from './notify-copies.js';
import { sendNoticesOnIssue } from './notify-issue.js';
import { cancelForm, openNotice } from './open-notice.js';
import { planForm } from './plan.js';
import { progressForm } from './progress.js';
import { approveSignOff, signOffReturnForm } from './sign-off.js';

type Handler = (
  context: EnterpriseContext,
  click: CardActionContext,
) => Promise<CardActionResponse>;

export interface EnterpriseRuntime extends EnterpriseContext {
  handlers: EventHandlers;
  events: AssignmentEventBus;
}

export function registerEnterprise(context: EnterpriseRuntime): void {
  const { cardActions } = context.handlers;
  const register = (name: string, handler: Handler) =>
    cardActions.set(name, (click) => handler(context, click));
  const forms: Array<[open: string, submit: string, spec: FormSpec<TransitionName>]> = [
    [enterpriseActions.openPlanForm, formActions.submitPlan, asSpec(planForm(context))],
    [enterpriseActions.openProgressForm, formActions.reportProgress, asSpec(progressForm(context))],
    [enterpriseActions.openFeedbackForm, formActions.submitFeedback, asSpec(feedbackForm(context))],
    [
      enterpriseActions.openExtensionForm,
      formActions.requestExtension,
      asSpec(extensionForm(context)),
    ],
    [
      enterpriseActions.openSignOffReturnForm,
      formActions.returnSignOff,
      asSpec(signOffReturnForm(context)),
    ],
  ];

  register(enterpriseActions.acknowledge, acknowledge);
  register(enterpriseActions.approveSignOff, approveSignOff);
  for (const [open, submit, spec] of forms) {
    register(open, (ctx, click) => openForm(ctx, click, spec));
    register(submit, (ctx, click) => submitForm(ctx, click, spec));
  }
  register(listActions.openNotice, openNotice);
  register(listActions.myAssignments, myAssignments);
  register(formActions.cancelForm, cancelForm);
  register(enterpriseActions.openDetail, openNoticeDetail);

  context.events.on('enterprise: send notices', sendNoticesOnIssue(context));
  context.events.on('enterprise: patch copies', patchCopiesOnChange(context));
  context.events.on('enterprise: notify people', notifyEnterpriseOnChange(context));
}

/** Each form keeps its own input type; the registry only passes them through. */
function asSpec<Name extends TransitionName>(spec: FormSpec<Name>): FormSpec<TransitionName> {
  return spec as unknown as FormSpec<TransitionName>;
}
