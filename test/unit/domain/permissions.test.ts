import { describe, expect, it } from 'vitest';
import { authorize, authorizeOffice, visibility } from '../../../src/domain/permissions.js';
import type { AssignmentAction, OfficeAction } from '../../../src/domain/permissions.js';
import { people, policy } from '../../support/fixtures.js';
import { inState } from '../../support/states.js';

const open = inState.inProgress();
const confidential = { ...open, confidential: true };

describe('visibility', () => {
  it.each([
    ['a supervisor', people.supervisor, open, 'full'],
    ['the discipline group', people.discipline, confidential, 'full'],
    ['the leader', people.leader, confidential, 'full'],
    ['the head', people.head, confidential, 'full'],
    ['the liaison', people.liaison, confidential, 'full'],
    ['the plan owner of an ordinary item', people.owner, open, 'full'],
    ['the plan owner of a confidential item', people.owner, confidential, 'summary'],
    ['another enterprise', people.otherLiaison, open, 'none'],
    ['another enterprise, confidential', people.otherHead, confidential, 'none'],
    ['someone outside the directory', people.stranger, open, 'none'],
  ] as const)('%s sees %s', (_who, actor, assignment, expected) => {
    expect(visibility(actor, assignment)).toBe(expected === 'full' ? 'full' : expected);
  });
});

describe('authorize', () => {
  const rows: Array<[AssignmentAction, string[]]> = [
    ['view', ['leader', 'supervisor', 'discipline', 'head', 'liaison', 'owner']],
    ['acknowledge', ['head', 'liaison']],
    ['plan', ['head', 'liaison']],
    ['progress', ['head', 'liaison']],
    ['feedback', ['head', 'liaison']],
    ['requestExtension', ['head', 'liaison']],
    ['signOff', ['head']],
    ['decideExtension', ['leader', 'supervisor']],
    ['review', ['leader', 'supervisor']],
    ['refuse', ['leader', 'supervisor']],
    ['withdraw', ['leader', 'supervisor']],
    ['nudge', ['leader', 'supervisor']],
    ['archive', ['leader', 'supervisor']],
    ['recordOverdue', []],
  ];
  const everyone = [
    'leader',
    'supervisor',
    'discipline',
    'head',
    'liaison',
    'owner',
    'otherHead',
    'otherLiaison',
    'stranger',
  ] as const;

  it.each(rows)('%s is allowed to exactly %j', (action, allowed) => {
    const permitted = everyone.filter((who) => authorize(people[who], action, open, policy).ok);

    expect(permitted).toEqual(allowed);
  });

  it('lets the system do anything', () => {
    expect(authorize(people.system, 'archive', open, policy).ok).toBe(true);
    expect(authorize(people.system, 'recordOverdue', open, policy).ok).toBe(true);
  });

  it.each([
    ['a supervisor who is the liaison', people.supervisorLiaison, '联系人'],
    ['a leader who is the head', people.leaderHead, '第一责任人'],
  ])('never lets %s decide their own enterprise’s extension', (_who, actor, role) => {
    expect(authorize(actor, 'decideExtension', open, policy)).toMatchObject({
      ok: false,
      code: 'notAllowed',
      message: `您是该企业的${role}，不能审批本企业的延期申请`,
    });
    expect(authorize(actor, 'requestExtension', open, policy).ok).toBe(true);
    expect(authorize(actor, 'decideExtension', { ...open, enterpriseId: 'wenlv' }, policy).ok).toBe(
      true,
    );
  });
});

describe('authorizeOffice', () => {
  const rows: Array<[OfficeAction, string[]]> = [
    ['issue', ['leader', 'supervisor']],
    ['queryAll', ['leader', 'supervisor', 'discipline']],
    ['statistics', ['leader', 'supervisor', 'discipline']],
    ['export', ['leader', 'supervisor', 'discipline']],
    ['reloadDirectory', ['leader', 'supervisor']],
  ];

  it.each(rows)('%s is allowed to exactly %j', (action, allowed) => {
    const all = ['leader', 'supervisor', 'discipline', 'head', 'liaison', 'stranger'] as const;

    expect(all.filter((who) => authorizeOffice(people[who], action).ok)).toEqual(allowed);
  });

  it('tells the discipline group it reads only', () => {
    expect(authorizeOffice(people.discipline, 'issue')).toMatchObject({
      message: '纪检监察组仅可查阅，不能办理',
    });
  });
});
