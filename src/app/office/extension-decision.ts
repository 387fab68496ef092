/**
 * 延期审批: each extension request goes, as a decision card, to whoever the policy says decides
 * it (the 督查室 for routine and important, leaders for critical and fixed by default); 批准
 * (with the date as requested or changed) and 不批准 (with a reason) go through
 * performAction('decideExtension').
 */
import type { ExtensionChoice } from '../../../cards/office-actions.js';
import { pendingExtension, type Assignment } from '../../domain/assignment.js';
import { movedDayNote } from '../../domain/deadlines.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import { loadAssignment } from '../../store/assignment.repo.js';
import type { AssignmentEventListener } from '../assignment-events.js';
import { clickActor } from '../click-actor.js';
import { expiredAnswer } from '../enterprise/answer.js';
import { readDay, readString } from '../enterprise/form-input.js';
import { messageUuid } from './chat-reply.js';
import type { OfficeContext } from './context.js';
import { decideAndAnswer } from './decision-answer.js';
import { extensionCardFor, extensionPurpose } from './office-cards.js';
import { deciderReceivers } from './recipients.js';

const choices: ExtensionChoice[] = ['approve', 'reject'];

/** Sends the decision card when an extension is requested. */
export function sendExtensionCards(context: OfficeContext): AssignmentEventListener {
  return async (event, assignment) => {
    if (event.action !== 'requestExtension') return;
    const requested =
      pendingExtension(event.snapshot ?? assignment) ?? assignment.extensions.at(-1);
    if (!requested) return;
    const seq = requested.seq;
    const card = extensionCardFor(context, assignment, seq);
    const receivers = deciderReceivers(context, await context.directory.current(), assignment);

    for (const to of receivers) {
      await context.outbox.enqueue({
        kind: 'send',
        to,
        card,
        uuid: messageUuid('extension', assignment.id, String(seq), to.id),
        track: { assignmentId: assignment.id, purpose: extensionPurpose(seq) },
      });
    }
    context.logger.info(
      { assignmentId: assignment.id, seq, copies: receivers.length },
      'extension card sent',
    );
  };
}

/** 批准 / 不批准. The card is about one request: a decision never lands on a newer one. */
export async function extensionDecision(
  context: OfficeContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  const who = await clickActor(context, click, true);
  if ('answer' in who) return who.answer;
  const { id, s, d } = click.value;
  const choice = choices.find((c) => c === d);
  const a = typeof id === 'string' ? await loadAssignment(id) : null;
  if (!a || typeof s !== 'number' || !choice) return expiredAnswer;

  const card = (current: typeof a, extra = {}) => extensionCardFor(context, current, s, extra);
  const pending = pendingExtension(a);
  if (pending && pending.seq !== s) {
    return {
      toast: { type: 'warning', content: '该申请已处理，请在最新的延期审批卡片上操作' },
      card: card(a),
    };
  }

  const problems: Record<string, string> = {};
  const day = readDay(click.formValue, 'day', problems);
  const reason = readString(click.formValue, 'reason');
  const values = { day, reason };
  if (problems.day) {
    const problem = { message: problems.day, field: 'day' };
    return {
      toast: { type: 'warning', content: problems.day },
      card: card(a, { values, problem }),
    };
  }

  const input = choice === 'approve' ? { approve: true, day, reason } : { approve: false, reason };
  return decideAndAnswer(context, click, who.actor, {
    assignmentId: a.id,
    action: 'decideExtension',
    input,
    success: (done) =>
      choice === 'approve' ? `已批准延期至 ${grantedText(done)}` : '已不批准延期',
    card: (current, problem) => card(current, problem ? { values, problem } : {}),
  });
}

/**
 * The deadline an extension just granted: 「2025-06-16」, with why it is not the day chosen when
 * that was a rest day: 「2025-06-16（6月14日为休息日，时限顺延至6月16日）」.
 */
export function grantedText(a: Assignment): string {
  const last = a.extensions.at(-1);
  const note = last?.chosenDay
    ? movedDayNote({ day: a.deadlineDay, movedFrom: last.chosenDay })
    : '';

  return note ? `${a.deadlineDay}（${note}）` : a.deadlineDay;
}
