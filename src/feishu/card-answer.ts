import type { CardActionResponse } from './handlers.js';

/** The body Feishu expects in answer to a click (FEISHU.md): toast, card, both, or `{}`. */
export interface FeishuCardAnswer {
  toast?: { type: 'success' | 'info' | 'warning' | 'error'; content: string };
  card?: { type: 'raw'; data: unknown };
}

/** The toasts the edge itself answers with; features answer with their own. */
export const edgeToasts = {
  unknownAction: { type: 'warning', content: '该操作已失效，请刷新卡片' },
  duplicate: { type: 'info', content: '操作已收到，请勿重复点击' },
  failed: { type: 'error', content: '操作失败，请稍后重试' },
  slow: { type: 'info', content: '正在处理，请稍候' },
} as const satisfies Record<string, NonNullable<CardActionResponse['toast']>>;

/** A handler's response in Feishu's shape. */
export function toFeishuAnswer(response: CardActionResponse): FeishuCardAnswer {
  const answer: FeishuCardAnswer = {};
  if (response.toast) answer.toast = response.toast;
  if (response.card) answer.card = { type: 'raw', data: response.card };

  return answer;
}
