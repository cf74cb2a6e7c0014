/** A participant finds their own comments and the answers to them, from the banner, across documents. */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { comment } from './threadFixtures.ts';

const suite = browserSuite();

describe('my comments', () => {
  it('lists my comments with their references and answers', async () => {
    const t = suite.server;
    const me = await t.person({ name: 'Sofia Lind', country: 'SE' });
    const [made] = await comment(t, SEED_IDS[0], [{ cookie: me.cookie, paragraph: 1, body: 'Please define “meaningful participation”.' }]);
    await t.api('PATCH', `/api/threads/${made!.id}`, { cookie: t.adminCookie, body: { status: 'accepted', response: 'A definition is added in 1.2.' } });

    const context = await suite.track(signedInContext(suite.browser, t.url, me.token, { width: 390, height: 844 }));
    const page = await context.newPage();
    await page.goto(`${t.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My comments' }).click();
    await page.getByRole('heading', { name: 'My comments', level: 1 }).waitFor();
    const item = page.getByTestId('my-comment');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getByRole('link', { name: 'SE-001' }).getAttribute('href')).toBe(`/documents/${SEED_IDS[0]}?thread=SE-001`);
    expect(await item.getByTestId('my-comment-answer').textContent()).toBe('Accepted: A definition is added in 1.2.');
    // No sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
