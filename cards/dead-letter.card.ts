import { shortMoment } from '../src/domain/format.js';
import type { Card, CardElement } from './card.js';

/** The ideographic space between fields, as Chinese forms do. */
const gap = '\u3000';

/** The action name of the alert's 重试 button. */
export const retryDeadLetterAction = 'retryDeadLetter';

/** What the 督查室 is told about a message that could not be delivered. */
export interface DeadLetterCardData {
  deadLetterId: string;
  /** Who the message was for, as people say it: 「城投联络员」, 「城投群」. */
  receiverName: string;
  /** The outbox kind: send, text, reply, patch, delayedUpdate, file, urgent. */
  kind: string;
  /** Feishu's code, or `timeout` / `network` / `http_502` / `internal` / `token` / `lost`. */
  errorCode: number | string;
  /** Tries made; 0 when not known (a message lost with the queue). */
  attempts: number;
  failedAt: Date;
  /** Set once someone pressed 重试. */
  retried?: { by: string; at: Date };
}

/** Why it failed, in words, by Feishu code or failure kind. */
const reasons: Record<string, string> = {
  '230002': '机器人不在群内',
  '230013': '用户不在应用可用范围内',
  '99991400': '请求过于频繁',
  '230020': '发送过于频繁',
  '230001': '消息不存在或已撤回',
  '230025': '消息内容过长',
  timeout: '请求超时',
  network: '无法连接飞书',
  token: '无法获取访问凭证',
  internal: '系统内部错误',
  malformed: '飞书返回内容异常',
  lost: '发送队列中断，无法确认是否已送达',
};

const kindLabels: Record<string, string> = {
  send: '卡片',
  text: '文字消息',
  reply: '回复',
  patch: '卡片更新',
  delayedUpdate: '卡片更新',
  file: '文件',
  urgent: '加急提醒',
};

/** 「机器人不在群内 230002」, 「飞书服务暂时不可用 http_502」, 「请求超时」. */
export function failureReason(code: number | string): string {
  const text = String(code);
  const label = reasons[text] ?? (/^http_5/.test(text) ? '飞书服务暂时不可用' : '飞书拒绝了请求');

  return /^\d+$/.test(text) || text.startsWith('http_') ? `${label} ${text}` : label;
}

/**
 * The alert card to the 督查室 (CARDS.md 「Dead letter」): what failed for whom and why, with
 * 重试 until someone has pressed it.
 */
export function deadLetterCard(data: DeadLetterCardData): Card {
  const kind = kindLabels[data.kind] ?? data.kind;
  const tries = data.attempts > 0 ? `${gap}尝试 ${data.attempts} 次` : '';
  const elements: CardElement[] = [
    {
      tag: 'markdown',
      content: `**发送失败：${data.receiverName}（${failureReason(data.errorCode)}）**`,
    },
    {
      tag: 'markdown',
      content: `内容：${kind}${tries}${gap}${shortMoment(data.failedAt)}`,
      text_size: 'notation',
    },
  ];
  elements.push(data.retried ? retriedLine(data.retried) : retryButton(data.deadLetterId));

  return {
    schema: '2.0',
    config: { update_multi: true },
    header: {
      title: { tag: 'plain_text', content: '消息发送失败' },
      template: data.retried ? 'grey' : 'red',
    },
    body: { elements },
  };
}

function retryButton(deadLetterId: string): CardElement {
  return {
    tag: 'button',
    text: { tag: 'plain_text', content: '重试' },
    type: 'primary',
    behaviors: [{ type: 'callback', value: { a: retryDeadLetterAction, dl: deadLetterId } }],
  };
}

function retriedLine(retried: { by: string; at: Date }): CardElement {
  return { tag: 'markdown', content: `已由 ${retried.by} 于 ${shortMoment(retried.at)} 重新发送` };
}
