/**
 * What the bot says when it is added to a group chat, and the line the 督查室 gets when it is
 * removed from a chat the directory names (an enterprise's group or the 督查室's own).
 */
import type { Card, CardElement } from './card.js';
import { buildCard, escapeText, markdown } from './elements.js';

/** A chat the directory knows: the 督查室's, or an enterprise's group. */
export type KnownChat =
  { kind: 'office' } | { kind: 'enterprise'; shortName: string; name: string };

export interface WelcomeCardData {
  chatId: string;
  /** The chat's name as Feishu gave it. */
  chatName?: string;
  /** Null for a chat the directory does not name: the card then says how to register it. */
  known: KnownChat | null;
}

const whatTheBotDoes =
  '督办助手协助区国资办督查室办理督查督办：向企业交办督办通知单，提醒签收和办理时限，' +
  '收集承办措施、进展和办理结果，经企业第一责任人审签后报督查室审核办结。';

/** The welcome posted in a chat the bot was just added to. */
export function welcomeCard(data: WelcomeCardData): Card {
  const elements: CardElement[] = [
    markdown(whatTheBotDoes),
    ...roleElements(data),
    markdown("<font color='grey'>在群里 @督办助手 并发送「帮助」，可查看您能使用的命令。</font>"),
  ];

  return buildCard('督办助手已加入本群', data.known ? 'blue' : 'grey', elements);
}

function roleElements(data: WelcomeCardData): CardElement[] {
  const { known } = data;
  if (known?.kind === 'office') {
    return [
      markdown(
        '本群是**督查室工作群**：企业报送的审核、延期申请、逾期和发送失败的提醒会发到这里。',
      ),
    ];
  }
  if (known) {
    return [
      markdown(
        `本群是**${escapeText(known.shortName)}**（${escapeText(known.name)}）的督办群：` +
          '督办通知单会发到这里，群里的联络员和第一责任人可以直接在卡片上办理。',
      ),
    ];
  }

  // One line to paste into the directory file, like the open_id on the registration card.
  const name = data.chatName ? ` # ${data.chatName.replace(/[\s`]+/g, ' ')}` : '';
  return [
    markdown(
      '**本群尚未登记在督办名录中**，暂不会收到督办通知。如需登记，请将下面一行发给督查室：',
    ),
    markdown(`\`\`\`\nchatId: ${data.chatId}${name}\n\`\`\``),
  ];
}

/** 「督办助手已被移出「城投督办群」，该群将收不到督办通知，请重新拉入或更新名录」 and the details. */
export function removedFromChatText(data: {
  chatId: string;
  chatName: string;
  known: KnownChat;
  /** Who removed the bot, as the directory names them. */
  removedBy?: string;
}): string {
  const whose = data.known.kind === 'office' ? '督查室工作群' : `${data.known.shortName}的督办群`;
  const by = data.removedBy ? `，操作人：${data.removedBy}` : '';

  return [
    `督办助手已被移出「${data.chatName}」，该群将收不到督办通知，请重新拉入或更新名录`,
    `（${whose}，chat_id：${data.chatId}${by}）`,
  ].join('\n');
}
