/**
 * Driving the enterprise side end to end through a test bot: issue a notice the way the
 * 督查室 does (issueItem, then its events dispatched), click as a person on the card they hold,
 * and read what the fake Open API holds.
 */
import type { ActionValue, Card } from '../../cards/card.js';
import type { Assignment } from '../../src/domain/assignment.js';
import { prepareIssue } from '../../src/domain/issue.js';
import type { Category } from '../../src/domain/types.js';
import type { FakeMessage } from '../../src/sandbox/fake-open-api.js';
import { loadAssignment } from '../../src/store/assignment.repo.js';
import { timelineOf } from '../../src/store/audit-event.repo.js';
import { issueItem } from '../../src/store/issue.repo.js';
import { buildCardActionEvent, type Person } from './feishu-events.js';
import { people } from './fixtures.js';
import type { TestBot } from './test-bot.js';

export interface IssueOptions {
  enterpriseId?: string;
  confidential?: boolean;
  title?: string;
  content?: string;
  category?: Category;
}

/** Issues one notice to one enterprise and dispatches its `issue` event; waits for the sends. */
export async function issueNotice(bot: TestBot, options: IssueOptions = {}): Promise<Assignment> {
  const { context } = bot;
  const draft = {
    title: options.title ?? '关于推进老城区改造项目的督办',
    content: options.content ?? '请于时限内报送项目推进情况。',
    category: options.category ?? ('districtInstruction' as const),
    level: 'routine' as const,
    confidential: options.confidential ?? false,
    enterpriseIds: [options.enterpriseId ?? 'chengtou'],
  };
  const directory = await context.directory.current();
  const issueContext = {
    now: context.clock.now(),
    policy: context.policy,
    calendar: context.calendar,
    directory,
  };
  const prepared = prepareIssue(draft, people.supervisor, issueContext);
  if ('ok' in prepared) throw new Error(prepared.message);
  const issued = await issueItem(
    prepared,
    { actor: people.supervisor, channel: 'command' },
    context.policy,
  );
  const assignment = issued.assignments[0]!;

  for (const event of await timelineOf(assignment.id)) await context.events.dispatch(event);
  await bot.waitForOutbox();
  return assignment;
}

/** What Feishu got back for a click: the HTTP status and the answer's toast and card. */
export interface ClickAnswer {
  status: number;
  toast?: { type: string; content: string };
  card?: Card;
}

export interface ClickOptions {
  formValue?: Record<string, unknown>;
  /** The copy clicked, so the click carries its message and chat ids. */
  on?: FakeMessage;
}

/** Posts a signed, encrypted click and reads the answer. */
export async function clickAs(
  bot: TestBot,
  operator: Person,
  value: ActionValue,
  options: ClickOptions = {},
): Promise<ClickAnswer> {
  const event = buildCardActionEvent({
    operator,
    value,
    formValue: options.formValue,
    messageId: options.on?.messageId,
    chatId: options.on?.chatId,
  });

  return readAnswer(await bot.postEvent(event));
}

export async function readAnswer(response: Response): Promise<ClickAnswer> {
  const body = (await response.json()) as { toast?: ClickAnswer['toast']; card?: { data: Card } };

  return { status: response.status, toast: body.toast, card: body.card?.data };
}

/** The tracked copy of this assignment's card (by notice number and title) held by a receiver. */
export function copyHeldBy(bot: TestBot, receiverId: string, a: Assignment, title = '督办通知单') {
  const copy = bot.fake
    .messagesTo(receiverId)
    .find(
      (m) =>
        cardOf(m).header?.subtitle?.content === a.noticeNumber &&
        cardOf(m).header?.title.content === title,
    );
  if (!copy) throw new Error(`no 「${title}」 of ${a.noticeNumber} held by ${receiverId}`);

  return copy;
}

/** A message's current card. */
export function cardOf(message: FakeMessage): Card {
  return message.content as Card;
}

export async function stored(id: string): Promise<Assignment> {
  const found = await loadAssignment(id);
  if (!found) throw new Error(`assignment ${id} not found`);

  return found;
}

/** The audit trail's transitions (refusals and notes left out). */
export async function transitionsOf(id: string): Promise<string[]> {
  const events = await timelineOf(id);

  return events.filter((e) => e.version !== undefined).map((e) => e.action);
}

/** The audit trail's refusals, as 「action: message」. */
export async function refusalsOf(id: string): Promise<string[]> {
  const events = await timelineOf(id);

  return events.filter((e) => e.refusal).map((e) => `${e.action}: ${e.refusal?.message}`);
}

/** A button value for an assignment as its card carries it. */
export function valueFor(
  a: Pick<Assignment, 'id' | 'version'>,
  action: string,
  extra: Partial<ActionValue> = {},
): ActionValue {
  return { a: action, id: a.id, v: a.version, ...extra };
}

/**
 * Brings a notice to the 督查室's review by clicks, as its people would: the liaison
 * acknowledges, files the plan and submits the result; the head approves it (同意报送).
 */
export async function signOffByClicks(bot: TestBot, a: Assignment): Promise<Assignment> {
  await clickAs(bot, people.liaison, valueFor(a, 'acknowledge'));
  const acknowledged = await stored(a.id);
  const plan = {
    leader: people.head.openId,
    department: '工程管理部',
    owner: people.liaison.openId,
    measures: '成立专班。',
    plannedDay: acknowledged.deadlineDay,
  };
  await clickAs(bot, people.liaison, valueFor(acknowledged, 'submitPlan'), { formValue: plan });
  const planned = await stored(a.id);
  const feedback = { result: '已完成改造方案报批。', completion: 'done' };
  await clickAs(bot, people.liaison, valueFor(planned, 'submitFeedback'), { formValue: feedback });
  await clickAs(bot, people.head, valueFor(await stored(a.id), 'approveSignOff'));

  return stored(a.id);
}
