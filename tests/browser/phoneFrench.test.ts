/**
 * French on a phone: French runs about a fifth longer than English, and the banner once wrapped a
 * person's name one letter per line while the report pushed the page 687 px wide. At 390 × 844 and
 * at 320 px, the list of documents, a document and its report must fit the screen's width. Switching
 * to French renames the page's language (<html lang>), but not the text's, which is the document's
 * own; the toolbar's buttons are named by their words, and the words never contradict the glyph.
 * Asked for less motion, nothing moves.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED_IDS } from '../helpers/testServer.ts';
import { signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { comment } from './threadFixtures.ts';

const suite = browserSuite();
const DOCUMENT_ID = SEED_IDS[0];

const sideways = (page: Page) => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

describe('French on a phone', () => {
  it('fits the list of documents, a document and its report within 390 px and 320 px, with the name on one row', async () => {
    await suite.server.setPhase(DOCUMENT_ID, 'consultation', new Date(Date.now() + 5 * 86_400_000).toISOString());
    const secretariat = await suite.server.person({ name: 'Marie-Christine Delacroix-Beaumont', role: 'secretariat', country: 'FR', language: 'fr' });
    const lucia = await suite.server.person({ name: 'Lucía Fernández', role: 'participant', country: 'ES', stakeholder: 'government' });
    await comment(suite.server, DOCUMENT_ID, [
      { cookie: lucia.cookie, paragraph: 0, body: 'Il conviendrait de préciser le champ d’application.', kind: 'technical' },
      { cookie: lucia.cookie, paragraph: 1, body: 'Nous proposons une formulation plus inclusive.', proposedText: 'les personnes concernées', kind: 'editorial' },
    ]);

    for (const viewport of [
      { width: 390, height: 844 },
      { width: 320, height: 640 },
    ]) {
      const context = await suite.track(signedInContext(suite.browser, suite.server.url, secretariat.token, viewport));
      const page = await context.newPage();

      await page.goto(`${suite.server.url}/`);
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      // The name wraps between words, not a letter per line: its box is wider than a few letters.
      const name = await page.locator('.app-header__name').boundingBox();
      expect(name?.width, `name at ${viewport.width} px`).toBeGreaterThan(viewport.width / 3);
      expect(await sideways(page), `documents at ${viewport.width} px`).toEqual({ scrollWidth: viewport.width, innerWidth: viewport.width });

      await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
      await page.getByTestId('editor').locator('p').first().waitFor();
      await page.getByRole('button', { name: /^Observations/ }).waitFor();
      expect(await sideways(page), `document at ${viewport.width} px`).toEqual({ scrollWidth: viewport.width, innerWidth: viewport.width });

      await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}/report`);
      await page.getByTestId('disposition-table').waitFor();
      await page.getByTestId('balance-chart').getByText('Gouvernements et société civile, section par section').waitFor();
      expect(await sideways(page), `report at ${viewport.width} px`).toEqual({ scrollWidth: viewport.width, innerWidth: viewport.width });
      await context.close();
    }
  });

  it('opens the comments as a sheet over most of the screen, even under the Secretariat’s tall bar', async () => {
    await suite.server.setPhase(DOCUMENT_ID, 'consultation', new Date(Date.now() + 5 * 86_400_000).toISOString());
    const secretariat = await suite.server.person({ name: 'Marie-Christine Delacroix-Beaumont', role: 'secretariat', country: 'FR', language: 'fr' });
    const context = await suite.track(signedInContext(suite.browser, suite.server.url, secretariat.token, { width: 390, height: 844 }));
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    await page.getByTestId('editor').locator('p').first().waitFor();
    // Before the page is scrolled, the bar over the text (phase, deadline, import) ends low on a phone.
    await page.getByTestId('comments-toggle').click();
    const sheet = page.getByTestId('threads-panel');
    await sheet.getByRole('button', { name: 'Fermer' }).waitFor();
    const box = (await sheet.boundingBox())!;
    expect(box.height, `sheet from ${box.y} px`).toBeGreaterThanOrEqual(844 * 0.6 - 1);
    expect(box.y + box.height).toBeLessThanOrEqual(844 + 1);
    // Its head is on top, not under the bar: what shows at the Close button is the Close button.
    const close = sheet.getByRole('button', { name: 'Fermer' });
    const centre = (await close.boundingBox())!;
    expect(await close.evaluate((button, [x, y]) => document.elementFromPoint(x!, y!)?.closest('button') === button, [centre.x + centre.width / 2, centre.y + centre.height / 2])).toBe(true);
  });

  it('switching to French changes <html lang> but not the text’s, and names the toolbar’s buttons in French', async () => {
    await suite.server.setPhase(DOCUMENT_ID, 'revision');
    const editor = await suite.server.person({ name: 'Jonas Berg', role: 'working-group', country: 'SE', language: 'en' });
    const context = await suite.track(signedInContext(suite.browser, suite.server.url, editor.token, { width: 390, height: 844 }));
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    const text = page.getByTestId('editor');
    await text.locator('p').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    await toolbar.getByRole('button', { name: 'Bold' }).waitFor();

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    // The draft is in English whatever language its reader's interface speaks.
    expect(await text.getAttribute('lang')).toBe('en');
    await expect.poll(() => text.getAttribute('aria-label')).toBe('Texte du document');

    // Named by its words in hidden text, not by an aria-label that the glyph ("G") would contradict.
    const bold = page.getByRole('toolbar', { name: 'Mise en forme' }).getByRole('button', { name: 'Gras' });
    expect(await bold.getAttribute('aria-label')).toBeNull();
    expect(await bold.getAttribute('title')).toBe('Gras (Ctrl+B)');
    expect(await bold.locator('[aria-hidden=true]').textContent()).toBe('G');
    expect(await sideways(page)).toEqual({ scrollWidth: 390, innerWidth: 390 });

    // Who is here: named by the words it shows ("Personne d’autre", hidden from the eye on a phone),
    // then how to see who, never by an aria-label that says something else.
    const presence = page.getByTestId('presence').locator('summary');
    expect(await presence.getAttribute('aria-label')).toBeNull();
    expect(await presence.locator('.presence__count').textContent()).toBe('Personne d’autre');
    expect(await presence.locator('.visually-hidden').last().textContent()).toBe('. Voir qui est présent');

    // Asked for less motion, anything that would spin or fade settles at once.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const settled = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.animation = 'spin 2s linear infinite';
      probe.style.transition = 'opacity 1s';
      document.body.append(probe);
      const style = getComputedStyle(probe);
      const result = { animation: parseFloat(style.animationDuration), repeats: style.animationIterationCount, transition: parseFloat(style.transitionDuration) };
      probe.remove();
      return result;
    });
    expect(settled.animation).toBeLessThan(0.001);
    expect(settled.repeats).toBe('1');
    expect(settled.transition).toBeLessThan(0.001);
  });
});
