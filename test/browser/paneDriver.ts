/**
 * Drives the real task pane in the playground for a flow test (paneFlow, finishFlow): reads the workbook
 * through window.ledgerPlayground, clicks cards and waits for their runs, records what sticks out past
 * the pane's right edge, and saves a screenshot per step. Each test keeps its own steps in a subclass.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SHEETS } from '../../src/actions/names';
import type { ActionId, PaneStrings } from '../../src/i18n/pane';
import type { Locale } from '../../src/i18n/strings';
import { SHOTS, type PlaygroundWindow, type Session } from './session';

/** The sample's customer sheet. */
export const SHEET = '客户信息';
/**
 * The sample's header is Chinese, so the add-in names what it writes on the sheets (columns, backups,
 * the archive, the summary) in Chinese whatever language the pane speaks.
 */
export const LEDGER: Locale = 'zh-CN';
export type Grid = unknown[][];

export interface Layout {
  locale: Locale;
  /** ?paneWidth=…: null leaves the pane its own width. */
  paneWidth: number | null;
  viewport: { width: number; height: number };
  /** In the screenshots' names. */
  tag: string;
}

/** Excel's narrowest task pane. */
export const NARROW = { paneWidth: 320, viewport: { width: 1100, height: 900 }, tag: '320' };
/** A 1400-px window, the pane at its own width beside the grid. */
export const WIDE = { paneWidth: null, viewport: { width: 1400, height: 900 }, tag: '1400' };

/** A backup sheet's name, in either language (one made by a restore is named in the pane's). */
export const isBackup = (name: string) => Object.values(SHEETS.backup).some((word) => name.startsWith(`${word} `));

/** An action's card. */
export const action = (id: ActionId) => `[data-action="${id}"]`;

/** Watches a card from before the click: a quick run can go busy and idle again between two polls. */
export async function watchBusy(page: Page, selector: string) {
  await page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    el.removeAttribute('data-was-busy');
    new MutationObserver((_, observer) => {
      if (el.getAttribute('aria-busy') !== 'true') return;
      el.setAttribute('data-was-busy', '');
      observer.disconnect();
    }).observe(el, { attributes: true, attributeFilter: ['aria-busy'] });
  }, selector);
}

/** Until the card watched by watchBusy has been busy and is idle again. */
export async function idle(page: Page, selector: string) {
  await page.waitForSelector(`${selector}[data-was-busy][aria-busy="false"]`, { timeout: 60_000 });
}

export interface DriverOptions {
  /** Starts the screenshots' names: `<shots>-<locale>-<tag>-NN-<step>.png`. */
  shots: string;
  /** Whether a confirmation panel, once open, must fit the pane too. */
  confirmFits: boolean;
  /** Whether a page that scrolls sideways counts as an overflow. */
  pageScrollOverflows: boolean;
}

/**
 * Opens the playground in `layout`, drops this flow's screenshots from an earlier run (a step that no
 * longer runs leaves none behind) and runs the flow; on failure, a screenshot of what the pane showed.
 */
export async function drive<D extends PaneDriver>(session: Session, layout: Layout, make: (page: Page) => D): Promise<D> {
  const page = await session.newPage();
  await page.setViewportSize(layout.viewport);
  await page.goto(`${session.base}?lang=${layout.locale}${layout.paneWidth ? `&paneWidth=${layout.paneWidth}` : ''}`);
  const flow = make(page);
  for (const f of fs.readdirSync(SHOTS)) if (f.startsWith(flow.prefix)) fs.rmSync(path.join(SHOTS, f));
  try {
    await flow.run();
  } catch (e) {
    await page.screenshot({ path: path.join(SHOTS, `${flow.prefix}failed.png`) });
    throw e;
  } finally {
    await page.close();
  }
  return flow;
}

export abstract class PaneDriver {
  private shot = 0;
  /** What reached past the pane's right edge, step by step. */
  readonly overflow: string[] = [];
  /** How long each step took (clicks, the run, the checks before it), for the log. */
  readonly timings: string[] = [];
  protected since = Date.now();
  /** The user's columns: those of the sheet as loaded (the add-in's own go to their right). */
  protected width = 0;
  protected readonly container: Locator;
  protected readonly pane: Locator;

  constructor(
    protected readonly page: Page,
    protected readonly s: PaneStrings,
    protected readonly layout: Layout,
    private readonly options: DriverOptions,
  ) {
    this.container = page.getByTestId('pane-container');
    // The pane's root: its id once the pane has one, else its <main>.
    this.pane = page.locator('#pane').or(this.container.locator('main')).first();
  }

  abstract run(): Promise<void>;

  /** Starts this flow's screenshots' names. */
  get prefix() { return `${this.options.shots}-${this.layout.locale}-${this.layout.tag}-`; }

  // ---- the workbook, read through window.ledgerPlayground --------------------------------------------

  protected values(sheet: string): Promise<Grid> {
    return this.page.evaluate((name) => (window as unknown as PlaygroundWindow).ledgerPlayground.values(name), sheet);
  }

  protected formulas(sheet: string): Promise<Grid> {
    return this.page.evaluate((name) => (window as unknown as PlaygroundWindow).ledgerPlayground.formulas(name), sheet);
  }

  protected sheetNames(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as PlaygroundWindow).ledgerPlayground.sheetNames());
  }

  /** The rows cut to the user's columns, blanks as ''. */
  protected user(rows: Grid): Grid {
    return rows.map((r) => Array.from({ length: this.width }, (_, c) => r[c] ?? ''));
  }

  /** What a step checks on the workbook after it, before the pane's fit. */
  protected async checkWorkbook(_step: string): Promise<void> {}

  // ---- the pane ---------------------------------------------------------------------------------------

  protected card(selector: string): Locator {
    return this.pane.locator(selector);
  }

  protected actionCard(id: ActionId): Locator {
    return this.card(action(id));
  }

  /** A card that folds: opened when what the step needs inside it is hidden. */
  protected async reveal(region: Locator, inside: Locator) {
    await region.waitFor();
    if (await inside.first().isVisible()) return;
    const toggle = region.locator('[aria-expanded="false"][aria-controls]').first(); // the disclosure, not a "…" that asks first
    if (await toggle.count()) await toggle.click();
    await inside.first().waitFor();
  }

  protected watchBusy(selector: string) {
    return watchBusy(this.page, selector);
  }

  protected idle(selector: string) {
    return idle(this.page, selector);
  }

  /** Clicks an action's primary button and waits for its run to end, without an error. */
  protected async runAction(id: ActionId) {
    const sel = action(id);
    const button = this.card(sel).getByRole('button', { name: this.s.actions[id].name, exact: true });
    await this.reveal(this.card(sel), button);
    await this.watchBusy(sel);
    await button.click();
    await this.idle(sel);
    await expect(this.card(sel).getByRole('alert').count()).resolves.toBe(0);
  }

  /** A button that asks first (ConfirmButton): opens its panel (screenshot), then "go ahead"; waits for the card's run. */
  protected async confirmed(sel: string, label: string, title: string, step: string) {
    const open = this.card(sel).getByRole('button', { name: label, exact: true });
    await this.reveal(this.card(sel), open);
    await open.click();
    const panel = this.card(sel).getByRole('region', { name: title });
    await panel.waitFor();
    await this.snap(`${step}-confirm`, panel);
    if (this.options.confirmFits) await this.assertFits(`${step}-confirm`);
    await this.watchBusy(sel);
    await panel.getByRole('button', { name: this.s.confirm, exact: true }).click();
    await this.idle(sel);
  }

  /**
   * Nothing inside the pane reaches past its right edge, and the pane's container has no sideways
   * scroll. Recorded, and asserted once the steps are done, so one misfit does not hide the steps after it.
   */
  protected async assertFits(step: string) {
    const report = await this.page.evaluate(() => {
      const container = document.querySelector('[data-testid="pane-container"]')!;
      const pane = document.getElementById('pane') ?? container.querySelector('main')!;
      const right = Math.min(pane.getBoundingClientRect().right, container.getBoundingClientRect().right);
      const over: string[] = [];
      for (const el of pane.querySelectorAll('*')) {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (box.right > right + 1) {
          const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}[${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}]`;
          over.push(`${what} right ${Math.round(box.right)} > ${Math.round(right)}`);
        }
      }
      const page = document.documentElement;
      return { over: over.slice(0, 8), scrollWidth: container.scrollWidth, clientWidth: container.clientWidth, pageScrolls: page.scrollWidth > page.clientWidth };
    });
    if (report.pageScrolls && this.options.pageScrollOverflows) this.overflow.push(`${step}: the page scrolls sideways`);
    for (const o of report.over) this.overflow.push(`${step}: ${o}`);
    if (report.scrollWidth > report.clientWidth) this.overflow.push(`${step}: the pane's container scrolls sideways (${report.scrollWidth} > ${report.clientWidth})`);
  }

  protected async snap(step: string, focus?: Locator) {
    if (focus) await focus.first().scrollIntoViewIfNeeded();
    // Fluent fades things in: let the animations finish, or the screenshot shows them half drawn.
    await this.page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    const n = String(++this.shot).padStart(2, '0');
    await this.page.screenshot({ path: path.join(SHOTS, `${this.prefix}${n}-${step}.png`) });
  }

  /** After a step: its time, a screenshot, the workbook's checks, the pane fits. */
  protected async after(step: string, focus?: Locator) {
    this.timings.push(`${step} ${((Date.now() - this.since) / 1000).toFixed(1)} s`);
    this.since = Date.now();
    await this.snap(step, focus);
    await this.checkWorkbook(step);
    await this.assertFits(step);
  }
}
