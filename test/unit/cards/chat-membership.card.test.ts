import { describe, expect, it } from 'vitest';
import { removedFromChatText, welcomeCard } from '../../../cards/chat-membership.card.js';
import { cardText } from '../../support/card-inspect.js';

describe('welcome card', () => {
  it('tells the 督查室 chat what arrives there', () => {
    const text = cardText(welcomeCard({ chatId: 'oc_office', known: { kind: 'office' } }));

    expect(text).toContain('督查室工作群');
    expect(text).not.toContain('chatId:');
  });

  it('gives a chat the directory does not know one line to register it, even with an odd name', () => {
    const text = cardText(
      welcomeCard({ chatId: 'oc_new', chatName: '水务 `督办`\n群', known: null }),
    );

    expect(text).toContain('本群尚未登记在督办名录中');
    expect(text).toContain('chatId: oc_new # 水务 督办 群');
  });
});

describe('removed-from-chat line', () => {
  it('says which chat, whose it is, its chat_id and who removed the bot', () => {
    const text = removedFromChatText({
      chatId: 'oc_ct',
      chatName: '城投督办群',
      known: { kind: 'enterprise', shortName: '城投', name: '珠山区城市建设投资有限公司' },
      removedBy: '城投张总',
    });

    expect(text).toBe(
      '督办助手已被移出「城投督办群」，该群将收不到督办通知，请重新拉入或更新名录\n' +
        '（城投的督办群，chat_id：oc_ct，操作人：城投张总）',
    );
  });
});
