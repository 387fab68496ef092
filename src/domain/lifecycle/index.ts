import { acknowledge } from './acknowledge.js';
import { archive } from './archive.js';
import { decideExtension, requestExtension } from './extension.js';
import { grantExtension } from './extension-grant.js';
import { submitFeedback } from './feedback.js';
import type { Transition, TransitionName } from './outcome.js';
import { recordOverdue } from './overdue.js';
import { submitPlan } from './plan.js';
import { reportProgress } from './progress.js';
import { recordRefusal } from './refusal.js';
import { review } from './review.js';
import { signOff } from './sign-off.js';
import { withdraw } from './withdraw.js';

export * from './outcome.js';
export type { PlanInput } from './plan.js';
export type { ProgressInput } from './progress.js';
export type { FeedbackInput } from './feedback.js';
export type { SignOffInput } from './sign-off.js';
export type { ReviewInput } from './review.js';
export type { ExtensionRequestInput, ExtensionDecisionInput } from './extension.js';
export type { ExtensionGrantInput } from './extension-grant.js';

/** Every transition by the name the audit trail records. */
export const transitions = {
  acknowledge,
  submitPlan,
  reportProgress,
  submitFeedback,
  signOff,
  review,
  recordRefusal,
  withdraw,
  requestExtension,
  decideExtension,
  grantExtension,
  recordOverdue,
  archive,
} satisfies Record<TransitionName, Transition<never>>;

export type Transitions = typeof transitions;
/** The input a named transition takes. */
export type InputOf<Name extends TransitionName> = Parameters<Transitions[Name]>[2];
