/** 报送进展: the form, and its submission (stays in progress). */
import { progressFormCard } from '../../../cards/progress-form.card.js';
import type { EnterpriseContext } from './context.js';
import type { FormSpec } from './form-flow.js';
import { readPercent, readString } from './form-input.js';

export function progressForm(context: EnterpriseContext): FormSpec<'reportProgress'> {
  return {
    action: 'reportProgress',
    probe: {},
    build: (assignment, _directory, state) =>
      progressFormCard({ assignment, limits: context.policy.limits, ...state }),
    parse: (form, _directory, problems) => ({
      text: readString(form, 'text'),
      percent: readPercent(form, 'percent', problems),
      problems: readString(form, 'problems'),
      nextSteps: readString(form, 'nextSteps'),
    }),
    success: '进展已报送',
  };
}
