import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPageErrors, type BrowserEnv } from './env.js';

export function register(env: BrowserEnv): void {
  test('Swagger UI: "Try it out" on POST /v1/validate with the example body shows 200', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectPageErrors(page);
    try {
      await page.goto(`${env.baseUrl}/docs/`);
      const operation = page.locator('#operations-declarations-validateDeclaration');
      await operation.locator('.opblock-summary').first().click();
      await operation.getByRole('button', { name: 'Try it out' }).click();
      // The body editor is prefilled with the documented example.
      const body = operation.locator('textarea.body-param__text');
      assert.match(await body.inputValue(), /"retention-declaration\/1"/);
      await operation.getByRole('button', { name: 'Execute' }).click();
      const status = operation.locator('.live-responses-table .response .response-col_status').first();
      await status.waitFor({ timeout: 15000 });
      assert.equal((await status.innerText()).trim(), '200');
      await operation.locator('.live-responses-table .response-col_description pre').first().waitFor();
      const responses = operation.locator('.live-responses-table');
      assert.match(await responses.innerText(), /"valid": true/);
      await responses.scrollIntoViewIfNeeded();
      await page.screenshot({ path: env.screenshot('swagger-validate-200'), fullPage: false });
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
}
