import type { Browser, Page } from 'playwright-core';

/** What every end-to-end test gets: a running server (sample data loaded) and a browser. */
export interface BrowserEnv {
  readonly baseUrl: string;
  readonly browser: Browser;
  /** The server's bootstrap admin token (ADMIN_API_KEY), for tests that submit declarations. */
  readonly adminToken: string;
  /** Path under artifacts/ for a screenshot called `name`. */
  screenshot(name: string): string;
}

/** A *.e2e.ts file exports `register`, which declares its tests with node:test. */
export interface E2eModule {
  register(env: BrowserEnv): void;
}

/** Collects what the page logs as errors (CSP refusals, failed loads, exceptions). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
