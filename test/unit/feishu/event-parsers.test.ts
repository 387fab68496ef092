import { describe, expect, it } from 'vitest';
import { parseMessage, type FlatMessageEvent } from '../../../src/feishu/event-parsers.js';

const bot = 'ou_bot';

function event(
  overrides: Partial<NonNullable<FlatMessageEvent['message']>> = {},
): FlatMessageEvent {
  return {
    event_id: 'e1',
    event_type: 'im.message.receive_v1',
    sender: { sender_id: { open_id: 'ou_person' }, sender_type: 'user' },
    message: {
      message_id: 'om_1',
      chat_id: 'oc_1',
      chat_type: 'group',
      message_type: 'text',
      content: JSON.stringify({ text: '@_user_1 催办 12号 @_user_2' }),
      mentions: [
        { key: '@_user_1', id: { open_id: bot }, name: '督办助手' },
        { key: '@_user_2', id: { open_id: 'ou_liaison' }, name: '城投联络员' },
      ],
      ...overrides,
    },
  };
}

describe('parseMessage', () => {
  it("removes the bot's mention and shows other people's by name", () => {
    expect(parseMessage(event(), bot)).toEqual({
      messageId: 'om_1',
      senderOpenId: 'ou_person',
      chatId: 'oc_1',
      chatType: 'group',
      text: '催办 12号 @城投联络员',
    });
  });

  it('removes the mentions a message starts with by their keys, names with spaces included', () => {
    const parsed = parseMessage(
      event({
        content: JSON.stringify({ text: '@_user_1 @_user_2 列表 逾期' }),
        mentions: [
          { key: '@_user_1', id: { open_id: bot }, name: '督办助手' },
          { key: '@_user_2', id: { open_id: 'ou_zhang' }, name: 'Zhang San' },
        ],
      }),
      bot,
    );

    expect(parsed?.text).toBe('列表 逾期');
  });

  it("keeps a mention inside the text by name, and one of a key's prefix apart", () => {
    const parsed = parseMessage(
      event({
        content: JSON.stringify({ text: '@_user_2 @_user_1 催办 12号 请 @_user_12 跟进' }),
        mentions: [
          { key: '@_user_1', id: { open_id: bot }, name: '督办助手' },
          { key: '@_user_2', id: { open_id: 'ou_zhang' }, name: 'Zhang San' },
          { key: '@_user_12', id: { open_id: 'ou_li' }, name: '李四' },
        ],
      }),
      bot,
    );

    expect(parsed?.text).toBe('催办 12号 请 @李四 跟进');
  });

  it.each([
    ['a group message that does not mention the bot', { mentions: [] }],
    ['a non-text message', { message_type: 'image' }],
  ])('ignores %s', (_label, overrides) => {
    expect(parseMessage(event(overrides), bot)).toBeNull();
  });

  it('reads content that is not JSON as empty text (the command handler answers with help)', () => {
    expect(parseMessage(event({ content: 'oops', chat_type: 'p2p' }), bot)?.text).toBe('');
  });

  it('takes a private message without mentions', () => {
    const parsed = parseMessage(
      event({ chat_type: 'p2p', content: JSON.stringify({ text: ' 列表  逾期 ' }), mentions: [] }),
      bot,
    );

    expect(parsed?.text).toBe('列表 逾期');
  });

  it('keeps line breaks, one space for a run of spaces and at most one blank line', () => {
    const text = '督办 事项\r\n内容：  一、报送；\n\n\n\n  二、附清单。  ';
    const parsed = parseMessage(
      event({ chat_type: 'p2p', content: JSON.stringify({ text }), mentions: [] }),
      bot,
    );

    expect(parsed?.text).toBe('督办 事项\n内容： 一、报送；\n\n二、附清单。');
  });

  it('ignores messages from other bots', () => {
    const fromBot = { ...event(), sender: { sender_id: { open_id: 'ou_x' }, sender_type: 'app' } };

    expect(parseMessage(fromBot, bot)).toBeNull();
  });

  it('counts any mention while the bot identity is unknown', () => {
    expect(parseMessage(event(), undefined)?.text).toBe('催办 12号');
  });
});
