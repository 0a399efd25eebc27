// Shared Chromium launcher for browser e2e specs. Uses the system Chromium through playwright-core
// (no browser download); specs skip themselves when it is missing (see hasChromium()).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Flags that give getDisplayMedia a fake capture source without a picker (screen sharing, #19):
 * headless Chromium then shares a generated 1280x720 "monitor" (probed on Debian's Chromium 156;
 * `--auto-accept-this-tab-capture` alone gives nothing headless).
 */
export const FAKE_SCREEN_CAPTURE_ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--auto-select-desktop-capture-source=Entire screen',
  '--enable-usermedia-screen-capturing',
];

/** `extraArgs`: more Chromium flags for one spec (e.g. FAKE_SCREEN_CAPTURE_ARGS). */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Headless + no background chatter: keeps runs fast and offline-safe in CI containers.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** Poll `read` until it returns `expected`; the error names what was awaited and what was seen last. (Locator reads, not DOM types: jest uses a node tsconfig.) */
export async function pollUntil(
  read: (timeoutMs: number) => Promise<string | null>,
  expected: string,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await read(Math.max(1, deadline - Date.now())).catch(() => null);
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what} (last seen: ${JSON.stringify(last)})`);
}

/** Poll a locator until its trimmed text equals `expected`. */
export function waitForText(locator: Locator, expected: string, timeoutMs = 10_000): Promise<void> {
  return pollUntil(
    async (timeout) => (await locator.textContent({ timeout }))?.trim() ?? null,
    expected,
    `text "${expected}"`,
    timeoutMs,
  );
}

/** Poll a locator until attribute `name` equals `expected`. */
export function waitForAttribute(locator: Locator, name: string, expected: string, timeoutMs = 10_000): Promise<void> {
  return pollUntil(
    (timeout) => locator.getAttribute(name, { timeout }),
    expected,
    `[${name}="${expected}"]`,
    timeoutMs,
  );
}

/** Poll a form field until its value equals `expected`. */
export function waitForValue(locator: Locator, expected: string, timeoutMs = 10_000): Promise<void> {
  return pollUntil(
    (timeout) => locator.inputValue({ timeout }),
    expected,
    `the value ${JSON.stringify(expected)}`,
    timeoutMs,
  );
}

/**
 * Poll until the focused element has data-testid `testId`. Focus often moves in an effect after
 * the render a locator waits for; page.waitForFunction with a string would need eval, which the
 * console's CSP forbids once it polls in the page.
 */
export function waitForFocus(page: Page, testId: string, timeoutMs = 10_000): Promise<void> {
  return pollUntil(
    () => page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null"),
    testId,
    `focus on [data-testid="${testId}"]`,
    timeoutMs,
  );
}

/** Collect uncaught page errors so a spec can assert the app ran without crashing. */
export function trackPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

export interface PageOptions {
  locale?: string;
  viewport?: { width: number; height: number };
}

/**
 * The pages a browser test opens: each in a fresh context, with uncaught page errors collected
 * (closed pages included) so `closeAll()` can report them after each test.
 */
export class BrowserPages {
  private contexts: BrowserContext[] = [];
  private errors: string[][] = [];

  constructor(
    private readonly browser: () => Browser,
    private readonly baseUrl: () => string,
  ) {}

  async open(options: PageOptions = {}): Promise<Page> {
    const context = await this.browser().newContext({
      baseURL: this.baseUrl(),
      viewport: options.viewport ?? { width: 1280, height: 900 },
      locale: options.locale ?? 'en-US',
      acceptDownloads: true,
    });
    this.contexts.push(context);
    const page = await context.newPage();
    this.errors.push(trackPageErrors(page));
    return page;
  }

  /** A fresh context signed in through the login form, on `path`, with the live socket up. */
  async signedIn(account: { email: string; password: string }, path: string, options: PageOptions = {}): Promise<Page> {
    const page = await this.open(options);
    await page.goto(path);
    await page.getByTestId('login-email').fill(account.email);
    await page.getByTestId('login-password').fill(account.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
    await waitForAttribute(page.getByTestId('connection-status'), 'data-state', 'online');
    return page;
  }

  /** Closes every context of the test and returns the page errors seen. */
  async closeAll(): Promise<string[]> {
    await Promise.all(this.contexts.map((c) => c.close()));
    const errors = this.errors.flat();
    this.contexts = [];
    this.errors = [];
    return errors;
  }
}
