import { AsyncLocalStorage } from 'node:async_hooks';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../logging/logger.js';
import type { BotIdentity } from './bot-identity.js';
import { edgeToasts, toFeishuAnswer, type FeishuCardAnswer } from './card-answer.js';
import type { EventDeduplicator } from './dedup.js';
import {
  actionValueOf,
  parseMessage,
  type FlatCardAction,
  type FlatChatMembership,
  type FlatMessageEvent,
} from './event-parsers.js';
import type { CardActionResponse, EventHandlers } from './handlers.js';
import type { Outbox } from './outbound.js';
import { sdkLogger } from './sdk-support.js';

/** How long the claim and a handler may take before Feishu is answered without them, in ms. */
const defaultAnswerWithinMs = 2_500;

/** Begins the private text that tells a clicker how a slow click ended. */
export const lateOutcomePrefix = '您刚才的操作：';

export interface EventDispatchDeps {
  handlers: EventHandlers;
  dedup: EventDeduplicator;
  bot: BotIdentity;
  /** Carries a late handler's card as a delayed update. */
  outbox: Outbox;
  logger: Logger;
  /** How long a handler may run before the answer goes out without it, in ms. Default 2 500. */
  answerWithinMs?: number;
}

/**
 * The logger of the delivery being dispatched: the HTTP route binds its request logger (with
 * the event id) here; the long connection has none, and handlers get a child of the process
 * logger instead.
 */
export const deliveryLogger = new AsyncLocalStorage<Logger>();

/**
 * The SDK dispatcher both transports use: the webhook route invokes it after its own checks,
 * the long connection invokes it directly. Every handler is wrapped: the delivery is claimed
 * before any effect (a duplicate is answered and does nothing), errors never escape (the SDK
 * would leave Feishu without an answer), and a slow handler does not hold the answer past
 * Feishu's 3 seconds.
 */
export function createEventDispatcher(deps: EventDispatchDeps): lark.EventDispatcher {
  const dispatcher = new lark.EventDispatcher({
    logger: sdkLogger(deps.logger),
    loggerLevel: lark.LoggerLevel.warn,
  });
  const handles = {
    'im.message.receive_v1': (data: FlatMessageEvent) => onMessage(deps, data),
    'card.action.trigger': (data: FlatCardAction) => onCardAction(deps, data),
    'im.chat.member.bot.added_v1': (data: FlatChatMembership) => onMembership(deps, data, true),
    'im.chat.member.bot.deleted_v1': (data: FlatChatMembership) => onMembership(deps, data, false),
  };

  // The SDK's typings know each event loosely and lack card.action.trigger; ours are typed
  // in event-parsers.ts.
  return dispatcher.register(handles as unknown as lark.EventHandles);
}

function loggerFor(deps: EventDispatchDeps, eventId: string): Logger {
  return deliveryLogger.getStore() ?? deps.logger.child({ eventId });
}

/**
 * A click: claimed, routed by the `a` of its button value, answered in Feishu's shape. The
 * deadline runs from the moment the delivery reaches us, so a slow store cannot push the
 * answer past Feishu's 3 seconds: the claim and the handler race it together.
 *
 * Limitation: the claim comes before the handler, so a process that dies mid-handler has
 * consumed the click and Feishu's redelivery is answered as a duplicate; the person sees no
 * change and clicks again (a new click is a new event). Effects stay at most once.
 */
async function onCardAction(
  deps: EventDispatchDeps,
  data: FlatCardAction,
): Promise<FeishuCardAnswer> {
  const log = loggerFor(deps, data.event_id);
  const deadline = startDeadline(deps);
  const running = claimAndHandle(deps, data, log);
  try {
    const first = await Promise.race([running, deadline.passed]);
    if (first) return toFeishuAnswer(first);
  } catch (error) {
    log.error({ err: error }, 'card action failed');
    return { toast: edgeToasts.failed };
  } finally {
    deadline.cancel();
  }

  log.warn('card action slow; answering now, telling the outcome later');
  finishLate(deps, data, running, log);
  return { toast: edgeToasts.slow };
}

async function claimAndHandle(
  deps: EventDispatchDeps,
  data: FlatCardAction,
  log: Logger,
): Promise<CardActionResponse> {
  if (!(await deps.dedup.claim(`event:${data.event_id}`))) {
    log.info('duplicate card action answered');
    return { toast: edgeToasts.duplicate };
  }

  const value = actionValueOf(data);
  const handler = value ? deps.handlers.cardActions.get(value.a) : undefined;
  if (!value || !handler) {
    log.info({ action: value?.a }, 'card action unknown');
    return { toast: edgeToasts.unknownAction };
  }

  return handler({
    eventId: data.event_id,
    operatorOpenId: data.operator?.open_id ?? '',
    value,
    formValue: data.action?.form_value,
    actionName: data.action?.name,
    option: data.action?.option,
    token: data.token,
    messageId: data.context?.open_message_id,
    chatId: data.context?.open_chat_id,
    log,
  });
}

/** Resolves with null once the handler has had its time; `cancel` stops the timer. */
function startDeadline(deps: EventDispatchDeps): { passed: Promise<null>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const passed = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), deps.answerWithinMs ?? defaultAnswerWithinMs);
  });

  return { passed, cancel: () => clearTimeout(timer) };
}

/**
 * After 「正在处理，请稍候」: the handler's card as a delayed update with the click's token, and
 * any outcome the card does not show (a refusal, a failure) as a private text to the clicker,
 * since Feishu shows no toast once the click was answered.
 */
function finishLate(
  deps: EventDispatchDeps,
  data: FlatCardAction,
  running: Promise<CardActionResponse>,
  log: Logger,
): void {
  running
    .catch((error: unknown): CardActionResponse => {
      log.error({ err: error }, 'slow card action failed');
      return { toast: edgeToasts.failed };
    })
    .then(async (response) => {
      // A redelivery's copy: the first copy is the one that answers.
      if (response.toast === edgeToasts.duplicate) return;
      if (response.card && data.token) {
        await deps.outbox.enqueue({
          kind: 'delayedUpdate',
          token: data.token,
          card: response.card,
        });
      }
      const shownByCard = response.card && response.toast?.type === 'success';
      const openId = data.operator?.open_id;
      if (response.toast && !shownByCard && openId) {
        await deps.outbox.enqueue({
          kind: 'text',
          to: { type: 'open_id', id: openId },
          text: `${lateOutcomePrefix}${response.toast.content}`,
          uuid: `late-answer:${data.event_id}`,
        });
      }
    })
    .catch((error: unknown) => log.error({ err: error }, 'slow card action outcome not sent'));
}

async function onMessage(deps: EventDispatchDeps, data: FlatMessageEvent): Promise<void> {
  const log = loggerFor(deps, data.event_id);
  const running = (async () => {
    const parsed = parseMessage(data, await deps.bot.current());
    if (!parsed || !deps.handlers.onMessage) return;
    // The message id covers a redelivery under the same or another event id.
    if (!(await deps.dedup.claim(`message:${parsed.messageId}`))) return;

    await deps.handlers.onMessage({ ...parsed, eventId: data.event_id, log });
  })();

  await settleWithinOrLog(running, deps.answerWithinMs ?? defaultAnswerWithinMs, log);
}

async function onMembership(
  deps: EventDispatchDeps,
  data: FlatChatMembership,
  added: boolean,
): Promise<void> {
  const log = loggerFor(deps, data.event_id);
  const onChatMembership = deps.handlers.onChatMembership;
  if (!data.chat_id || !onChatMembership) return;
  const chatId = data.chat_id;
  const running = (async () => {
    if (!(await deps.dedup.claim(`event:${data.event_id}`))) return;

    await onChatMembership({
      eventId: data.event_id,
      chatId,
      chatName: data.name || undefined,
      added,
      operatorOpenId: data.operator_id?.open_id,
      log,
    });
  })();

  await settleWithinOrLog(running, deps.answerWithinMs ?? defaultAnswerWithinMs, log);
}

/**
 * Waits for the work (claim included) up to `ms` from now; work still running then finishes on
 * its own. Errors are logged, never thrown: the SDK would leave Feishu without an answer.
 */
async function settleWithinOrLog(running: Promise<void>, ms: number, log: Logger): Promise<void> {
  const guarded = running.catch((error: unknown) => log.error({ err: error }, 'handler failed'));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([guarded, late]).finally(() => clearTimeout(timer));
}
