import { describe, expect, it } from 'vitest';
import {
  actorFor,
  enterpriseOf,
  findEnterprise,
  peopleWithRole,
  personName,
  suggestEnterprise,
  supervisionRecipients,
  systemActor,
} from '../../../src/domain/directory.js';
import type { Directory, Enterprise, Person } from '../../../src/domain/types.js';

function person(openId: string, name: string, roles: Person['roles'] = []): Person {
  return { openId, name, roles };
}

function enterprise(id: string, shortName: string, head: string, liaisons: string[]): Enterprise {
  return {
    id,
    name: `珠山区${shortName}集团有限公司`,
    shortName,
    headOpenId: head,
    liaisonOpenIds: liaisons,
  };
}

/** Two supervisors, a leader who is also 水务's head, and one liaison serving two enterprises. */
function buildDirectory(overrides: Partial<Directory> = {}): Directory {
  return {
    office: { name: '国资办', supervisionUnit: '督查室', chatId: 'oc_office' },
    people: [
      person('ou_boss', '李局长', ['leader']),
      person('ou_sup1', '王督查', ['supervisor']),
      person('ou_sup2', '陈督查', ['supervisor', 'discipline']),
      person('ou_ct_head', '城投张总'),
      person('ou_shared', '共用联络员'),
    ],
    enterprises: [
      enterprise('chengtou', '城投', 'ou_ct_head', ['ou_shared']),
      enterprise('wenlv', '文旅', 'ou_ct_head', ['ou_shared', 'ou_sup1']),
      enterprise('shuiwu', '水务', 'ou_boss', ['ou_shared']),
    ],
    ...overrides,
  };
}

describe('actorFor', () => {
  const directory = buildDirectory();

  it('gives a supervisor their office role and no enterprise role', () => {
    expect(actorFor(directory, 'ou_sup2')).toEqual({
      openId: 'ou_sup2',
      name: '陈督查',
      officeRoles: ['supervisor', 'discipline'],
      enterpriseRoles: [],
    });
  });

  it('gives a head the head role of every enterprise they lead', () => {
    expect(actorFor(directory, 'ou_ct_head')?.enterpriseRoles).toEqual([
      { enterpriseId: 'chengtou', role: 'head' },
      { enterpriseId: 'wenlv', role: 'head' },
    ]);
  });

  it('gives a liaison the liaison role of each enterprise listing them', () => {
    const actor = actorFor(directory, 'ou_shared');

    expect(actor?.officeRoles).toEqual([]);
    expect(actor?.enterpriseRoles.map((r) => `${r.enterpriseId}:${r.role}`)).toEqual([
      'chengtou:liaison',
      'wenlv:liaison',
      'shuiwu:liaison',
    ]);
  });

  it('gives a person holding several roles all of them', () => {
    expect(actorFor(directory, 'ou_boss')).toMatchObject({
      officeRoles: ['leader'],
      enterpriseRoles: [{ enterpriseId: 'shuiwu', role: 'head' }],
    });
    expect(actorFor(directory, 'ou_sup1')).toMatchObject({
      officeRoles: ['supervisor'],
      enterpriseRoles: [{ enterpriseId: 'wenlv', role: 'liaison' }],
    });
  });

  it('knows nobody outside the directory', () => {
    expect(actorFor(directory, 'ou_stranger')).toBeNull();
  });

  it('resolves the system id to the system actor, which holds no role', () => {
    expect(actorFor(directory, 'system')).toBe(systemActor);
    expect(systemActor).toEqual({
      openId: 'system',
      name: '督办助手',
      officeRoles: [],
      enterpriseRoles: [],
      system: true,
    });
  });
});

describe('findEnterprise', () => {
  const directory = buildDirectory();

  it.each([
    ['wenlv', 'wenlv'],
    ['WenLv', 'wenlv'],
    ['文旅', 'wenlv'],
    ['  水务 ', 'shuiwu'],
    ['珠山区城投集团有限公司', 'chengtou'],
  ])('finds %j', (query, id) => {
    expect(findEnterprise(directory, query)?.id).toBe(id);
  });

  it.each([['城头'], ['城投集团'], [''], ['shui']])('finds nothing for %j', (query) => {
    expect(findEnterprise(directory, query)).toBeNull();
  });
});

describe('suggestEnterprise', () => {
  const directory = buildDirectory();

  it.each([
    ['城头', '城投'],
    ['水务局', '水务'],
    ['文', '文旅'],
    ['城投集团', '城投'],
  ])('suggests the enterprise %j most likely meant', (text, shortName) => {
    expect(suggestEnterprise(directory, text)?.shortName).toBe(shortName);
  });

  it.each([['交通'], ['   '], ['港务公司']])('suggests nothing for %j', (text) => {
    expect(suggestEnterprise(directory, text)).toBeNull();
  });
});

describe('directory look-ups', () => {
  const directory = buildDirectory();

  it('finds an enterprise by id only', () => {
    expect(enterpriseOf(directory, 'shuiwu')?.shortName).toBe('水务');
    expect(enterpriseOf(directory, '水务')).toBeNull();
  });

  it('names a person, the bot, or an unknown open_id by itself', () => {
    expect(personName(directory, 'ou_sup1')).toBe('王督查');
    expect(personName(directory, 'system')).toBe('督办助手');
    expect(personName(directory, 'ou_gone')).toBe('ou_gone');
  });

  it('lists the people holding an office role in directory order', () => {
    expect(peopleWithRole(directory, 'supervisor').map((p) => p.name)).toEqual([
      '王督查',
      '陈督查',
    ]);
    expect(peopleWithRole(directory, 'discipline').map((p) => p.openId)).toEqual(['ou_sup2']);
  });
});

describe('supervisionRecipients', () => {
  it('is the office chat when one is configured', () => {
    expect(supervisionRecipients(buildDirectory())).toEqual({ chatId: 'oc_office' });
  });

  it('is every supervisor when there is no office chat', () => {
    const directory = buildDirectory({ office: { name: '国资办', supervisionUnit: '督查室' } });

    expect(supervisionRecipients(directory)).toEqual({ openIds: ['ou_sup1', 'ou_sup2'] });
  });
});
