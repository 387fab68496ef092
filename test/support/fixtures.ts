import type { Assignment } from '../../src/domain/assignment.js';
import { systemActor } from '../../src/domain/directory.js';
import { defaultPolicy, type Policy } from '../../src/domain/policy.js';
import type { Actor, Directory } from '../../src/domain/types.js';

/** The example directory's people, as actors. */
export const people = {
  leader: actor('ou_10000000000000000000000000000001', '李局长', ['leader']),
  supervisor: actor('ou_10000000000000000000000000000002', '王督查', ['supervisor']),
  discipline: actor('ou_10000000000000000000000000000004', '赵纪检', ['discipline']),
  head: actor('ou_20000000000000000000000000000001', '城投张总', [], [['chengtou', 'head']]),
  liaison: actor(
    'ou_20000000000000000000000000000002',
    '城投联络员',
    [],
    [['chengtou', 'liaison']],
  ),
  otherHead: actor('ou_20000000000000000000000000000003', '文旅刘总', [], [['wenlv', 'head']]),
  otherLiaison: actor(
    'ou_20000000000000000000000000000004',
    '文旅联络员',
    [],
    [['wenlv', 'liaison']],
  ),
  owner: actor('ou_30000000000000000000000000000001', '城投工程部李工', []),
  /** A supervisor who is also 城投's liaison (a small office: one person, two roles). */
  supervisorLiaison: actor(
    'ou_10000000000000000000000000000005',
    '孙督查',
    ['supervisor'],
    [['chengtou', 'liaison']],
  ),
  /** A leader who is also 城投's head. */
  leaderHead: actor(
    'ou_10000000000000000000000000000006',
    '周局长',
    ['leader'],
    [['chengtou', 'head']],
  ),
  stranger: actor('ou_90000000000000000000000000000009', '路人', []),
  system: systemActor,
};

function actor(
  openId: string,
  name: string,
  officeRoles: Actor['officeRoles'],
  enterpriseRoles: Array<[string, 'head' | 'liaison']> = [],
): Actor {
  return {
    openId,
    name,
    officeRoles,
    enterpriseRoles: enterpriseRoles.map(([enterpriseId, role]) => ({ enterpriseId, role })),
  };
}

export const policy: Policy = defaultPolicy;

/** A small directory matching `people`. */
export const directory: Directory = {
  office: { name: '珠山区财政局（国资办）', supervisionUnit: '区国有资产管理中心（督查室）' },
  people: [
    { openId: people.leader.openId, name: '李局长', roles: ['leader'] },
    { openId: people.supervisor.openId, name: '王督查', roles: ['supervisor'] },
    { openId: people.discipline.openId, name: '赵纪检', roles: ['discipline'] },
    { openId: people.head.openId, name: '城投张总', roles: [] },
    { openId: people.liaison.openId, name: '城投联络员', roles: [] },
    { openId: people.otherHead.openId, name: '文旅刘总', roles: [] },
    { openId: people.otherLiaison.openId, name: '文旅联络员', roles: [] },
  ],
  enterprises: [
    {
      id: 'chengtou',
      name: '珠山区城市建设投资有限公司',
      shortName: '城投',
      headOpenId: people.head.openId,
      liaisonOpenIds: [people.liaison.openId],
    },
    {
      id: 'wenlv',
      name: '珠山区文化旅游投资集团有限公司',
      shortName: '文旅',
      headOpenId: people.otherHead.openId,
      liaisonOpenIds: [people.otherLiaison.openId],
    },
  ],
};

/** 2025-05-21 10:00 Shanghai (a Wednesday): the day the policy was issued. */
export const issuedAt = new Date('2025-05-21T02:00:00Z');

/** An issued routine assignment to 城投, due 2025-05-28 17:30 (5 working days). */
export function buildAssignment(overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: '2025-12',
    itemId: 'item-1',
    enterpriseId: 'chengtou',
    enterpriseName: '珠山区城市建设投资有限公司',
    enterpriseShortName: '城投',
    year: 2025,
    seq: 12,
    noticeNumber: '珠国资督〔2025〕12号',
    title: '关于推进老城区改造项目的督办',
    content: '请于时限内报送项目推进情况。',
    category: 'districtInstruction',
    level: 'routine',
    confidential: false,
    form: 'written',
    issuedAt,
    issuedBy: { openId: people.supervisor.openId, name: '王督查' },
    state: 'issued',
    version: 1,
    deadline: new Date('2025-05-28T09:30:00Z'),
    deadlineDay: '2025-05-28',
    originalDeadlineDay: '2025-05-28',
    progress: [],
    signOffs: [],
    reviews: [],
    extensions: [],
    ...overrides,
  };
}

/** A moment in Shanghai time: `at('2025-05-21 10:32')`. */
export function at(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}
