/**
 * Invitation links in a browser: opened directly (a mail program, the address bar) the link signs
 * in at once; followed from another site it only shows a Sign in button, so that site cannot sign
 * the visitor in to an account of its choosing (login CSRF), and the person's click does.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite } from './suite.ts';

const suite = browserSuite();

describe('invitation links', () => {
  it('signs in at once when opened directly', async () => {
    const { token } = await suite.server.person({ name: 'Marta Kowalska' });
    const context = await suite.track(suite.browser.newContext());
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/join/${token}`);
    await page.waitForURL(`${suite.server.url}/`);
    await page.getByText('Marta Kowalska').first().waitFor();
    expect((await context.cookies(suite.server.url)).map((c) => c.name)).toContain('accord_session');
  });

  it('asks for a click when another site sends the browser to the link', async () => {
    const { token } = await suite.server.person({ name: 'Henrik Larsen' });
    const context = await suite.track(suite.browser.newContext());
    const page = await context.newPage();
    // localhost and 127.0.0.1 are different sites: a page on one links to the other.
    const otherSite = suite.server.url.replace('127.0.0.1', 'localhost');
    await page.goto(`${otherSite}/sign-in`);
    await page.evaluate((href) => {
      const link = document.createElement('a');
      link.href = href;
      link.textContent = 'join';
      document.body.append(link);
      link.click();
    }, `${suite.server.url}/join/${token}`);
    const button = page.getByRole('button', { name: 'Sign in' });
    await button.waitFor();
    const cookies = await context.cookies(suite.server.url);
    expect(cookies.filter((c) => c.name === 'accord_session')).toEqual([]);
    await button.click();
    await page.waitForURL(`${suite.server.url}/`);
    await page.getByText('Henrik Larsen').first().waitFor();
  });
});
