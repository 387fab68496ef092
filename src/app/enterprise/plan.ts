/** 填报承办措施: the form, and its submission (acknowledged → in progress). */
import { planFormCard } from '../../../cards/plan-form.card.js';
import type { Assignment } from '../../domain/assignment.js';
import { enterpriseOf } from '../../domain/directory.js';
import type { Directory } from '../../domain/types.js';
import type { EnterpriseContext } from './context.js';
import type { FormSpec } from './form-flow.js';
import { readDay, readPerson, readString } from './form-input.js';

export function planForm(context: EnterpriseContext): FormSpec<'submitPlan'> {
  return {
    action: 'submitPlan',
    probe: {},
    build: (assignment, directory, state) =>
      planFormCard({
        assignment,
        candidates: state.group ? [] : candidatesFor(directory, assignment),
        limits: context.policy.limits,
        ...state,
      }),
    parse: (form, directory, problems) => ({
      leader: readPerson(form, 'leader', directory),
      department: readString(form, 'department'),
      owner: readPerson(form, 'owner', directory),
      measures: readString(form, 'measures'),
      plannedDay: readDay(form, 'plannedDay', problems),
    }),
    success: '承办措施已提交',
  };
}

/**
 * Whom the person pickers offer in a private chat: the enterprise's head and liaisons, the
 * people the directory knows for it. (In the enterprise chat, Feishu offers its members.)
 *
 * Limitation: a 责任领导 or 责任人 outside the directory can be picked only on the enterprise
 * chat's copy of the notice, and is then recorded under their open_id instead of a name, since
 * names come from the directory, not from Feishu's contact API.
 */
function candidatesFor(directory: Directory, a: Assignment): string[] {
  const enterprise = enterpriseOf(directory, a.enterpriseId);
  if (!enterprise) return [];

  return [...new Set([enterprise.headOpenId, ...enterprise.liaisonOpenIds])];
}
