/** 申请延期: the form (stating the cap), and its submission for the decider. */
import { extensionFormCard } from '../../../cards/extension-form.card.js';
import { deadlineCap } from '../../domain/deadlines.js';
import type { EnterpriseContext } from './context.js';
import type { FormSpec } from './form-flow.js';
import { readDay, readString } from './form-input.js';

export function extensionForm(context: EnterpriseContext): FormSpec<'requestExtension'> {
  const { policy } = context;

  return {
    action: 'requestExtension',
    probe: {},
    build: (assignment, _directory, state) =>
      extensionFormCard({
        assignment,
        capDay: deadlineCap(
          assignment.issuedAt,
          assignment.level,
          assignment.originalDeadlineDay,
          policy,
        ),
        maxDaysFromIssue: policy.deadlines.maxDaysFromIssue,
        limits: policy.limits,
        ...state,
      }),
    parse: (form, _directory, problems) => ({
      day: readDay(form, 'day', problems),
      reason: readString(form, 'reason'),
      progress: readString(form, 'progress'),
    }),
    success: '延期申请已提交',
  };
}
