/**
 * Driving the sandbox page in headless Chromium the way a person would: pick someone in the
 * switcher, open a chat, type, click a card's buttons, fill its forms, read what it shows, and
 * save a screenshot of each step.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { projectRoot } from './test-env.js';

/** Debian's chromium; the tests never download a browser. */
export const chromiumPath = '/usr/bin/chromium';

export const hasChromium = existsSync(chromiumPath);

/** Where the screenshots go (git-ignored). */
export const screenshotDir = join(projectRoot, 'test-artifacts', 'sandbox');

/** How long a step may take to show on the page (the bot answers through its outbox). */
const stepTimeoutMs = 15_000;

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export class SandboxPage {
  private shots = 0;

  /** `shotPrefix` starts the screenshots' file names, so two pages never overwrite each other. */
  constructor(
    readonly page: Page,
    private readonly shotPrefix = '',
  ) {
    mkdirSync(screenshotDir, { recursive: true });
  }

  /** Picks the person in the switcher and waits until the page shows their chat, loaded. */
  async actAs(name: string): Promise<void> {
    await this.choose(name);
    await this.waitUntilActingAs(name);
  }

  /** Clicks the person in the switcher (opening the side drawer first on a phone). */
  async choose(name: string): Promise<void> {
    await this.openDrawer();
    const nameTag = this.page.locator('.person-name', { hasText: new RegExp(`^${name}$`) });
    await this.page.locator('.person', { has: nameTag }).click();
  }

  /** Waits until the page acts as this person and the open chat's messages have loaded. */
  async waitUntilActingAs(name: string): Promise<void> {
    await this.page.locator('#acting-as', { hasText: `当前身份：${name}` }).waitFor();
    await this.waitForChat();
  }

  /** Opens the chat with this title in the switcher and waits until its messages have loaded. */
  async openChat(title: string): Promise<void> {
    await this.openDrawer();
    const titleTag = this.page.locator('.chat-title', { hasText: new RegExp(`^${title}$`) });
    await this.page.locator('button.chat', { has: titleTag }).click();
    await this.waitForChat(title);
  }

  /**
   * Waits for the chat's title and the message count the page sets once the open chat's
   * messages are drawn (it is removed the moment the person or the chat changes).
   */
  private async waitForChat(title?: string): Promise<void> {
    const header = this.page.locator('#chat-title');
    await (title ? header.filter({ hasText: title }) : header.filter({ hasText: /\S/ })).waitFor();
    await this.page.locator('#messages[data-count]').waitFor({ timeout: stepTimeoutMs });
  }

  /** On a narrow screen the switcher is a drawer: opens it when it is closed. */
  private async openDrawer(): Promise<void> {
    const toggle = this.page.locator('#drawer-toggle');
    if (!(await toggle.isVisible())) return;
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }

  /** Types into the open chat and sends. */
  async say(text: string): Promise<void> {
    await this.page.locator('#say-text').fill(text);
    await this.page.locator('#say-text').press('Enter');
  }

  /** The newest card in the open chat with this header title (and text, when given). */
  card(title: string, containing?: string): Locator {
    const titled = this.page
      .locator('.msg .fs-card')
      .filter({ has: this.page.locator('.fs-title', { hasText: new RegExp(`^${title}$`) }) });

    return (containing ? titled.filter({ hasText: containing }) : titled).last();
  }

  /** Waits until such a card shows, and returns it. */
  async cardShowing(title: string, containing?: string): Promise<Locator> {
    const card = this.card(title, containing);
    await card.waitFor({ timeout: stepTimeoutMs });

    return card;
  }

  /** Clicks the card's button with exactly this label and, when given, waits for the toast. */
  async press(card: Locator, label: string, toast?: string): Promise<void> {
    await card.getByRole('button', { name: label, exact: true }).click();
    if (toast === undefined) return;
    await this.page
      .locator('#toast.is-shown', { hasText: toast })
      .waitFor({ timeout: stepTimeoutMs });
  }

  /**
   * The labels of the card's buttons for its state, in order; footer links drawn as text
   * buttons (「查看详情」) are left out, as `buttonLabels` does (card-inspect.ts).
   */
  async buttons(card: Locator): Promise<string[]> {
    const buttons = card.locator('button.fs-btn:not(.fs-btn--text)');

    return (await buttons.allInnerTexts()).map((label) => label.trim());
  }

  /** A form control of the card, by field name. */
  field(card: Locator, name: string): Locator {
    return card.locator(`[data-field="${name}"]`);
  }

  /** Saves `<prefix>NN-name.png` under test-artifacts/sandbox/. */
  async shot(name: string): Promise<void> {
    this.shots += 1;
    const file = `${this.shotPrefix}${String(this.shots).padStart(2, '0')}-${name}.png`;
    await this.page.screenshot({ path: join(screenshotDir, file) });
  }
}
