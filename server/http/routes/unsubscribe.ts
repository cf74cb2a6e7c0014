/**
 * One-click unsubscribe (RFC 8058), without a session: GET shows what the link would stop and a
 * button; POST (from that button, or from the mail client with `List-Unsubscribe=One-Click`) does it.
 * A GET never changes anything, so link scanners that open every URL cannot unsubscribe anyone.
 */
import { Hono } from 'hono';
import type { AppEnv, Services } from '../context.ts';
import { WORDS } from '../../mail/words.ts';
import { languageOf } from '../../mail/messages.ts';
import { escapeHtml } from '../../html.ts';


const page = (language: string, title: string, body: string) =>
  `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)} · Accord</title></head>` +
  `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>${escapeHtml(title)}</h1>${body}</body></html>`;

export function unsubscribeRoutes(services: Services) {
  const invalid = () => page('en', WORDS.en.unsubscribe.title, `<p>${escapeHtml(WORDS.en.unsubscribe.invalid)}</p><p lang="fr">${escapeHtml(WORDS.fr.unsubscribe.invalid)}</p>`);
  return new Hono<AppEnv>()
    .get('/unsubscribe/:token', async (c) => {
      const target = await services.mail.unsubscribeTarget(c.req.param('token'));
      if (!target) return c.html(invalid(), 404);
      const language = languageOf(target.person);
      const w = WORDS[language].unsubscribe;
      const kind = WORDS[language].kinds[target.kind] ?? target.kind;
      return c.html(
        page(
          language,
          w.title,
          `<p>${escapeHtml(w.ask(kind, target.person.email))}</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(w.confirm)}</button></form>`,
        ),
      );
    })
    .post('/unsubscribe/:token', async (c) => {
      const done = await services.mail.unsubscribe(c.req.param('token'));
      if (!done) return c.html(invalid(), 404);
      const language = languageOf(done.person);
      const w = WORDS[language].unsubscribe;
      return c.html(page(language, w.title, `<p role="status">${escapeHtml(w.done(WORDS[language].kinds[done.kind] ?? done.kind))}</p><p><a href="/settings">${escapeHtml(w.settings)}</a></p>`));
    });
}
