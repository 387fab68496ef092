/**
 * The printable 督办通知单 fits one A4 page (policy attachment 1), blank or filled in, when
 * headless Chromium prints it with the page's own @page size and margins.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment } from '../../../src/domain/assignment.js';
import { defaultPolicy } from '../../../src/domain/policy.js';
import { printableNoticePage } from '../../../src/reports/html/notice-print.page.js';
import { at, buildAssignment, directory, people } from '../../support/fixtures.js';
import { hasChromium, launchChromium } from '../../support/sandbox-page.js';

let browser: Browser;

beforeAll(async () => {
  if (hasChromium) browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const head = { openId: people.head.openId, name: '城投张总' };
const liaison = { openId: people.liaison.openId, name: '城投联络员' };

/** A notice of ordinary length: a 300-character requirement, a 200-character result. */
const content =
  '请于时限内报送项目推进情况，包括征收进度、资金使用、安全生产和信访维稳等方面。'.repeat(8);
const blank = buildAssignment({ content, state: 'acknowledged' });
const filled = buildAssignment({
  content,
  state: 'completed',
  plan: {
    leader: head,
    department: '工程管理部',
    owner: liaison,
    measures: '成立工作专班，倒排工期，每周调度一次，确保按期完成。'.repeat(3),
    plannedDay: '2025-05-27',
    at: at('2025-05-22 09:00'),
    by: liaison,
  },
  feedback: {
    result: '已完成项目推进情况的全面梳理，形成书面报告，并报区财政局（国资办）。'.repeat(6),
    completion: 'done',
    completionReason: '',
    links: [],
    at: at('2025-05-26 09:00'),
    by: liaison,
  },
  signOffs: [{ decision: 'approved', comment: '同意', at: at('2025-05-26 10:00'), by: head }],
  reviews: [
    {
      decision: 'complete',
      onTimeHighQuality: true,
      reason: '',
      at: at('2025-05-27 09:00'),
      by: { openId: people.supervisor.openId, name: '王督查' },
    },
  ],
});

async function printedPages(a: Assignment): Promise<number> {
  const page = await browser.newPage();
  await page.setContent(
    printableNoticePage({ assignment: a, office: directory.office, policy: defaultPolicy }),
  );
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  await page.close();

  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

const skipNote = hasChromium ? '' : ' (skipped: /usr/bin/chromium is missing)';

describe.skipIf(!hasChromium)(`the printable notice on paper${skipNote}`, () => {
  it.each([
    ['blank, to be filled in by hand', blank],
    ['filled in from the record', filled],
    ['confidential, with its 涉密 line', { ...filled, confidential: true }],
  ])('is one A4 page %s', async (_case, a) => {
    expect(await printedPages(a)).toBe(1);
  });
});
