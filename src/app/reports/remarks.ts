/**
 * 阅示: a leader submits remarks on the digest card. Stored once per leader and report; the
 * card turns into one showing the remarks; the 督查室 gets a card with them.
 */
import { digestCard, remarksField, remarksNoticeCard } from '../../../cards/digest.card.js';
import { actorFor, supervisionRecipients } from '../../domain/directory.js';
import { shortMoment } from '../../domain/format.js';
import { readText } from '../../domain/lifecycle/input.js';
import type { CardActionHandler, CardActionResponse } from '../../feishu/handlers.js';
import type { Receiver } from '../../feishu/outbound.js';
import type { RuntimeContext } from '../../runtime.js';
import { addRemark, loadDigest, type Remark, type StoredDigest } from '../../store/report.repo.js';

type RemarksContext = Pick<RuntimeContext, 'directory' | 'outbox' | 'policy' | 'clock'>;

/** The submit button of the digest card's 阅示 form (action `submitRemarks`). */
export function submitRemarksHandler(context: RemarksContext): CardActionHandler {
  return async ({ operatorOpenId, value, formValue, log }) => {
    const directory = await context.directory.current();
    const actor = actorFor(directory, operatorOpenId);
    if (!actor?.officeRoles.includes('leader')) return toast('error', '阅示由国资办领导填写');
    const digest = typeof value.r === 'string' ? await loadDigest(value.r) : null;
    if (!digest) return toast('warning', '未找到该周报');

    const maxLength = context.policy.limits.comment;
    const text = readText(formValue?.[remarksField], remarksField, '阅示意见', maxLength);
    if (typeof text !== 'string') {
      const card = digestCard({
        reportId: digest.id,
        figures: digest.figures,
        maxLength,
        error: text.message,
      });
      return { toast: { type: 'error', content: text.message }, card };
    }

    const by = { openId: actor.openId, name: actor.name };
    const { remark, created } = await addRemark({
      reportId: digest.id,
      by,
      text,
      at: context.clock.now(),
    });
    const card = digestCard({ reportId: digest.id, figures: digest.figures, maxLength, remark });
    if (!created)
      return { toast: { type: 'info', content: `您已于 ${shortMoment(remark.at)} 阅示` }, card };

    await tellSupervision(context, digest, remark, supervisionRecipients(directory));
    log.info({ reportId: digest.id }, 'digest remarks stored');
    return { toast: { type: 'success', content: '阅示意见已提交' }, card };
  };
}

/** The 督查室 sees the remarks: its chat, or each supervisor. */
async function tellSupervision(
  context: RemarksContext,
  digest: StoredDigest,
  remark: Remark,
  recipients: ReturnType<typeof supervisionRecipients>,
): Promise<void> {
  const card = remarksNoticeCard(digest.figures, {
    by: remark.by.name,
    text: remark.text,
    at: remark.at,
  });
  const receivers: Receiver[] =
    'chatId' in recipients
      ? [{ type: 'chat_id', id: recipients.chatId }]
      : recipients.openIds.map((id) => ({ type: 'open_id', id }));
  for (const to of receivers) {
    const uuid = `remarks:${digest.id}:${remark.by.openId}:${to.id}`;
    await context.outbox.enqueue({ kind: 'send', to, card, uuid });
  }
}

function toast(type: 'error' | 'warning', content: string): CardActionResponse {
  return { toast: { type, content } };
}
