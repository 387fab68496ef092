/**
 * The sandbox in a real browser (issue 7, 「Done when」): headless Chromium drives the /sandbox
 * page of a sandbox started in this process, and walks one item from the one-line command to
 * 办结: issue, 签收, 承办措施, 反馈, the head's 审签, the 督查室's review. At each step it
 * checks what each person's chats show and saves a screenshot to test-artifacts/sandbox/.
 * Then: switching person while a poll is on its way, the link to the operations pages, and a
 * notice acknowledged on a phone-sized screen.
 */
import { Redis } from 'ioredis';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../../src/domain/dates.js';
import { silentLogger } from '../../src/logging/logger.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox.js';
import { hasChromium, launchChromium, SandboxPage } from '../support/sandbox-page.js';
import { deleteKeys } from '../support/services.js';
import { dropDatabase, testMongoUri, testRedisUrl, uniqueName } from '../support/test-env.js';

/** People of config/directory.sandbox.yaml. */
const wangMin = 'ou_cefa1f9659fdbccc2ea34ca891c933f4';

const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };

const dbName = uniqueName('sandboxe2e');
const queuePrefix = uniqueName('sandboxe2e');
let sandbox: Sandbox;
let browser: Browser;
let ui: SandboxPage;

beforeAll(async () => {
  if (!hasChromium) return;
  sandbox = await startSandbox({
    source: { MONGODB_URI: testMongoUri, REDIS_URL: testRedisUrl, PORT: '0', LOG_LEVEL: 'silent' },
    logger: () => silentLogger(),
    dbName,
    queuePrefix,
  });
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: desktop });
  await page.goto(sandbox.pageUrl);
  ui = new SandboxPage(page);
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
  if (!sandbox) return;
  await dropDatabase(dbName);
  const redis = new Redis(testRedisUrl);
  await deleteKeys(redis, `${queuePrefix}:*`);
  await redis.quit();
});

const command =
  '督办 关于推进老城区改造项目的督办 企业:城投 级别:一般 内容:请于时限内报送项目推进情况。';

const skipNote = hasChromium ? '' : ' (skipped: /usr/bin/chromium is missing)';

describe.skipIf(!hasChromium)(`the sandbox page in headless Chromium${skipNote}`, () => {
  it('walks one item from the one-line command to 已办结, as each person sees it', async () => {
    const number = `珠国资督〔${dayOf(sandbox.clock.now()).slice(0, 4)}〕1号`;

    // 督查室 王敏 types the one-line command and confirms the preview.
    await ui.actAs('王敏');
    await ui.say(command);
    const preview = await ui.cardShowing('交办预览', `城投\u3000${number}`);
    expect(await ui.buttons(preview)).toEqual(['确认交办', '修改', '取消']);
    await ui.shot('supervisor-preview');
    await ui.press(preview, '确认交办', '已交办 1 家');
    await ui.cardShowing('已交办', `已交办 1 家：城投 ${number}`);
    await ui.shot('supervisor-issued');

    // The head holds the notice too; another enterprise's head holds nothing (counted once
    // his chat has loaded: an empty pane proves nothing).
    await ui.actAs('张志强');
    await ui.cardShowing('督办通知单', '待签收');
    await ui.actAs('黄海涛');
    expect(await ui.page.locator('#chat-title').innerText()).toBe('督办助手');
    expect(await ui.card('督办通知单').count()).toBe(0);
    await ui.openChat('文旅督办群');
    expect(await ui.card('督办通知单').count()).toBe(0);

    // 城投 liaison 刘洋 acknowledges.
    await ui.actAs('刘洋');
    const notice = await ui.cardShowing('督办通知单', number);
    expect(await notice.innerText()).toContain('待签收');
    expect(await ui.buttons(notice)).toEqual(['签收', '申请延期']);
    await ui.shot('liaison-notice');
    await ui.press(notice, '签收', '已签收');
    const acknowledged = await ui.cardShowing('督办通知单', '已签收：刘洋');
    expect(await ui.buttons(acknowledged)).toEqual(['填报承办措施', '申请延期']);
    await ui.shot('liaison-acknowledged');

    // The plan form replaces the notice; filled in and sent, the notice comes back.
    await ui.press(acknowledged, '填报承办措施');
    const plan = await ui.cardShowing('填报承办措施', number);
    const deadlineDay = /不晚于时限 (\d{4}-\d{2}-\d{2})/.exec(await plan.innerText())![1]!;
    await ui.field(plan, 'leader').selectOption({ label: '张志强' });
    await ui.field(plan, 'department').fill('工程管理部');
    await ui.field(plan, 'owner').selectOption({ label: '刘洋' });
    await ui.field(plan, 'measures').fill('成立专班，倒排工期，每周调度。');
    await ui.field(plan, 'plannedDay').fill(deadlineDay);
    await ui.shot('liaison-plan-form');
    await ui.press(plan, '提交', '承办措施已提交');
    const planned = await ui.cardShowing('督办通知单', '工程管理部');
    expect(await ui.buttons(planned)).toContain('提交反馈');

    // The feedback goes to the head for sign-off.
    await ui.press(planned, '提交反馈');
    const feedback = await ui.cardShowing('提交反馈', number);
    await ui.field(feedback, 'result').fill('改造方案已报批，一期工程已开工。');
    await ui.field(feedback, 'completion').selectOption({ label: '已完成' });
    await ui.shot('liaison-feedback-form');
    await ui.press(feedback, '提交第一责任人审签', '已提交第一责任人审签');
    const waiting = await ui.cardShowing('督办通知单', '待第一责任人审签');
    expect(await ui.buttons(waiting)).toEqual([]);
    await ui.shot('liaison-awaiting-signoff');

    // 城投 head 张志强 signs off.
    await ui.actAs('张志强');
    const signOff = await ui.cardShowing('督办反馈审签', '改造方案已报批');
    expect(await ui.buttons(signOff)).toContain('同意报送');
    await ui.shot('head-signoff');
    await ui.press(signOff, '同意报送', '已同意报送督查室');
    await ui.cardShowing('督办反馈审签', '已同意报送督查室（张志强');

    // The liaison's notice now says the 督查室 is reviewing.
    await ui.actAs('刘洋');
    await ui.cardShowing('督办通知单', '督查室审核中');

    // 督查室: the review card is in the 督查室 group; 王敏 closes the matter.
    await ui.actAs('王敏');
    await ui.openChat('督查室工作群');
    const review = await ui.cardShowing('督办审核', '改造方案已报批');
    expect(await ui.buttons(review)).toEqual(['通过办结', '退回重办', '认定敷衍（加扣 0.2 分）']);
    await ui.shot('supervisor-review');
    await ui.press(review, '通过办结', '已办结');
    await ui.cardShowing('督办审核', '通过办结（王敏');
    await ui.shot('supervisor-completed');

    // Everyone's copy says 已办结: the other supervisor, the liaison, the head, the group.
    await ui.actAs('陈晓东');
    await ui.openChat('督查室工作群');
    await ui.cardShowing('督办审核', '通过办结（王敏');
    await ui.actAs('刘洋');
    expect(await ui.buttons(await ui.cardShowing('督办通知单', '已办结（按时）'))).toEqual([]);
    await ui.shot('liaison-completed');
    await ui.openChat('城投督办群');
    await ui.cardShowing('督办通知单', '已办结（按时）');
    await ui.shot('enterprise-group-completed');
    await ui.actAs('张志强');
    await ui.cardShowing('督办通知单', '已办结（按时）');
    await ui.shot('head-completed');
  }, 120_000);
});

/** A page of its own on the same sandbox, opened at the sandbox's address. */
async function openPage(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(sandbox.pageUrl);

  return page;
}

/** Holds the answer to one poll of the person's overview until `release` is called. */
async function holdNextOverview(page: Page, openId: string) {
  let caught!: () => void;
  let release!: () => void;
  const polled = new Promise<void>((resolve) => (caught = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding = false;
  await page.route(
    (url) => url.pathname === '/sandbox/api/overview' && url.searchParams.get('person') === openId,
    async (route: Route) => {
      const answer = await route.fetch();
      if (holding) {
        holding = false;
        caught();
        await released;
      }
      await route.fulfill({ response: answer });
    },
  );

  return {
    /** Resolves once the next poll for the person is on its way (its answer held). */
    next: () => {
      holding = true;
      return polled;
    },
    release: () => release(),
  };
}

describe.skipIf(!hasChromium)(`switching person on the sandbox page${skipNote}`, () => {
  it("shows the new person's own chat when the previous person's poll answers late", async () => {
    const page = await openPage(desktop);
    const held = await holdNextOverview(page, wangMin);
    const switcher = new SandboxPage(page, 'switch-');
    await switcher.actAs('王敏');

    await held.next();
    await switcher.choose('刘洋');
    held.release();

    await switcher.waitUntilActingAs('刘洋');
    expect(await page.locator('#chat-title').innerText()).toBe('督办助手');
    expect(await page.locator('#chats .chat-title').allInnerTexts()).toEqual([
      '督办助手',
      '城投督办群',
    ]);
    expect(await page.locator('#toast.is-shown').count()).toBe(0);
    await page.close();
  }, 60_000);

  it("clears the previous person's toast", async () => {
    const page = await openPage(desktop);
    const switcher = new SandboxPage(page, 'switch-');
    await switcher.actAs('王敏');
    await page.locator('#clock-to').fill('2020-01-06T09:00');
    await page.locator('#clock-jump').click();
    await page.locator('#toast.is-shown', { hasText: '时间只能向后调整' }).waitFor();

    await switcher.choose('刘洋');

    expect(await page.locator('#toast.is-shown').count()).toBe(0);
    await page.close();
  }, 60_000);
});

describe.skipIf(!hasChromium)(`the operations pages from the sandbox${skipNote}`, () => {
  it("links to /admin with this sandbox's token, and the link opens", async () => {
    const link = ui.page.locator('#admin-link');
    const token = sandbox.runtime.context.env.ADMIN_TOKEN;
    expect(await link.getAttribute('href')).toBe(`/admin/?token=${token}`);

    const [opened] = await Promise.all([ui.page.context().waitForEvent('page'), link.click()]);
    await opened.waitForLoadState();

    expect(await opened.locator('h1').innerText()).toBe('督办助手 · 运行管理');
    await opened.close();
  }, 60_000);
});

describe.skipIf(!hasChromium)(`the sandbox page on a phone (390 × 844)${skipNote}`, () => {
  it('shows the chat wide enough to read, and the notice can be acknowledged', async () => {
    // 王敏 issues a matter at the desk; 刘洋 reads and acknowledges it on the phone.
    await ui.actAs('王敏');
    await ui.say(
      '督办 关于做好汛期安全检查的督办 企业:城投 级别:一般 内容:请报送汛期安全检查情况。',
    );
    const preview = await ui.cardShowing('交办预览', '汛期安全检查');
    await ui.press(preview, '确认交办', '已交办 1 家');
    const mobile = new SandboxPage(await openPage(phone), 'phone-');
    await mobile.actAs('刘洋');

    const pane = (await mobile.page.locator('main.chat-pane').boundingBox())!;
    expect(pane.width).toBeGreaterThanOrEqual(300);
    const notice = await mobile.cardShowing('督办通知单', '汛期安全检查');
    await notice.scrollIntoViewIfNeeded();
    const card = (await notice.boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(phone.width);
    expect(await notice.getByRole('button', { name: '签收', exact: true }).isVisible()).toBe(true);
    await mobile.shot('liaison-notice');

    await mobile.press(notice, '签收', '已签收');
    await mobile.cardShowing('督办通知单', '已签收：刘洋');
    await mobile.shot('liaison-acknowledged');
    const pageWidth = await mobile.page.evaluate<number>('document.documentElement.scrollWidth');
    expect(pageWidth).toBeLessThanOrEqual(phone.width);
    await mobile.page.close();
  }, 120_000);
});
