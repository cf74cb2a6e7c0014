/**
 * Walks every API route with every role, in every phase, on each document, and checks the answer
 * against the table below. The table is written out here from the contract (CONTRACT.md) and
 * docs/ACCESS.md, not read from shared/access.ts: a wrong matrix there must fail here. A new route
 * without a row here fails the first test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHASES, ROLES, type Phase, type Role } from '../../shared/domain.ts';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';

/**
 * Who gets through, per kind of request: for each role, the phases in which it may, as letters
 * (D drafting, C consultation, R revision, F final review, A adopted; '' never).
 */
const EXPECTED = {
  'document.read': { secretariat: 'DCRFA', 'working-group': 'DCRFA', participant: 'DCRFA', reviewer: 'DCRFA' },
  // The text changes only in drafting and revision, by the working group and the Secretariat.
  'text.edit': { secretariat: 'DR', 'working-group': 'DR', participant: '', reviewer: '' },
  'document.phase': { secretariat: 'DCRFA', 'working-group': '', participant: '', reviewer: '' },
  // Participants while the consultation is open, reviewers in final review, the working group and
  // the Secretariat in every phase but adopted.
  'thread.comment': { secretariat: 'DCRF', 'working-group': 'DCRF', participant: 'C', reviewer: 'F' },
  'thread.endorse': { secretariat: 'DCRF', 'working-group': 'DCRF', participant: 'C', reviewer: 'F' },
  'thread.dispose': { secretariat: 'DCRF', 'working-group': 'DCRF', participant: '', reviewer: '' },
  'thread.apply': { secretariat: 'R', 'working-group': 'R', participant: '', reviewer: '' },
  'report.read': { secretariat: 'DCRFA', 'working-group': 'DCRFA', participant: '', reviewer: 'DCRFA' },
  'version.create': { secretariat: 'DCRFA', 'working-group': 'DCRFA', participant: '', reviewer: '' },
  'signoff.submit': { secretariat: '', 'working-group': '', participant: '', reviewer: 'F' },
  'signoff.read': { secretariat: 'DCRFA', 'working-group': 'DCRFA', participant: '', reviewer: 'DCRFA' },
  'people.manage': { secretariat: 'DCRFA', 'working-group': '', participant: '', reviewer: '' },
  'audit.read': { secretariat: 'DCRFA', 'working-group': '', participant: '', reviewer: '' },
  // Bringing drafts in, their details, archiving, deleting a draft, a new edition.
  'document.manage': { secretariat: 'DCRFA', 'working-group': '', participant: '', reviewer: '' },
  // Whom comments can be assigned to: for those who answer them, whatever the phase.
  'assignees.read': { secretariat: 'DCRFA', 'working-group': 'DCRFA', participant: '', reviewer: '' },
  // Importing a filled-in comment table: the Secretariat, in every phase but adopted.
  'comments.import': { secretariat: 'DCRF', 'working-group': '', participant: '', reviewer: '' },
} as const satisfies Record<string, Record<Role, string>>;

type Rule = keyof typeof EXPECTED;
const LETTER: Record<Phase, string> = { drafting: 'D', consultation: 'C', revision: 'R', 'final-review': 'F', adopted: 'A' };

interface Ctx {
  documentId: string;
  phase: Phase;
  otherPersonId: string;
  /** A thread of this document opened by someone else. */
  threadId: string;
  /** A reply to that thread, by its author. */
  replyId: string;
  sectionId: string;
  versionId: string;
}

interface RouteCase {
  method: string;
  path: string;
  /** 'signed-in': any session will do; 'author-only': refused to everyone but the author (here never the caller). */
  rule: Rule | 'signed-in' | 'author-only';
  /** The answer is a stream: only its status is read. */
  stream?: boolean;
  /** Whether the rule depends on the document's phase. */
  perDocument: boolean;
  request(ctx: Ctx): { route: string; body?: unknown };
  ok: number;
}

let invited = 0;

const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/health', rule: 'signed-in', perDocument: false, request: () => ({ route: '/api/health' }), ok: 200 },
  { method: 'GET', path: '/api/session', rule: 'signed-in', perDocument: false, request: () => ({ route: '/api/session' }), ok: 200 },
  { method: 'GET', path: '/api/me/comments', rule: 'signed-in', perDocument: false, request: () => ({ route: '/api/me/comments' }), ok: 200 },
  { method: 'POST', path: '/api/session', rule: 'signed-in', perDocument: false, request: () => ({ route: '/api/session', body: { token: 'wrong' } }), ok: 401 },
  { method: 'GET', path: '/api/documents', rule: 'document.read', perDocument: false, request: () => ({ route: '/api/documents' }), ok: 200 },
  { method: 'GET', path: '/api/documents/:id', rule: 'document.read', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}` }), ok: 200 },
  { method: 'GET', path: '/api/documents/:id/text', rule: 'document.read', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}/text` }), ok: 200 },
  {
    method: 'POST',
    path: '/api/documents/:id/phase',
    rule: 'document.phase',
    perDocument: true,
    request: (c) => ({ route: `/api/documents/${c.documentId}/phase`, body: { phase: c.phase } }),
    ok: 200,
  },
  // Bringing drafts in and a document's life (routes/documentAdmin.ts). Each call leaves the seed documents as they were.
  { method: 'POST', path: '/api/documents/preview', rule: 'document.manage', perDocument: false, request: () => ({ route: '/api/documents/preview', body: { title: 'Matrix' } }), ok: 200 },
  { method: 'POST', path: '/api/documents', rule: 'document.manage', perDocument: false, request: () => ({ route: '/api/documents', body: { title: 'Matrix draft' } }), ok: 201 },
  { method: 'PATCH', path: '/api/documents/:id', rule: 'document.manage', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}`, body: {} }), ok: 200 },
  {
    method: 'POST',
    path: '/api/documents/:id/archive',
    rule: 'document.manage',
    perDocument: true,
    request: (c) => ({ route: `/api/documents/${c.documentId}/archive`, body: { archived: false } }),
    ok: 200,
  },
  { method: 'GET', path: '/api/documents/:id/deletion', rule: 'document.manage', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}/deletion` }), ok: 200 },
  // Seed documents opened for consultation: never deletable, so the allowed answer is 409.
  { method: 'DELETE', path: '/api/documents/:id', rule: 'document.manage', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}`, body: { confirm: c.documentId } }), ok: 409 },
  // An empty title is refused after the rights check: 400 for those who may.
  { method: 'POST', path: '/api/documents/:id/edition', rule: 'document.manage', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}/edition`, body: { title: '' } }), ok: 400 },
  { method: 'GET', path: '/api/documents/:id/word', rule: 'document.read', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}/word` }), ok: 200 },
  { method: 'GET', path: '/api/people', rule: 'people.manage', perDocument: false, request: () => ({ route: '/api/people' }), ok: 200 },
  {
    method: 'POST',
    path: '/api/people',
    rule: 'people.manage',
    perDocument: false,
    request: () => ({ route: '/api/people', body: { name: 'Matrix', email: `matrix${++invited}@example.org`, role: 'participant', country: 'NL', stakeholder: 'government' } }),
    ok: 201,
  },
  {
    method: 'POST',
    path: '/api/people/bulk/preview',
    rule: 'people.manage',
    perDocument: false,
    request: () => ({ route: '/api/people/bulk/preview', body: { rows: [{ name: 'Listed', email: 'listed@example.org', country: 'NL', stakeholder: 'government' }] } }),
    ok: 200,
  },
  {
    method: 'POST',
    path: '/api/people/bulk',
    rule: 'people.manage',
    perDocument: false,
    request: () => ({ route: '/api/people/bulk', body: { rows: [{ name: 'Listed', email: `listed${++invited}@example.org`, country: 'NL', stakeholder: 'government' }] } }),
    ok: 201,
  },
  {
    method: 'PATCH',
    path: '/api/people/:id',
    rule: 'people.manage',
    perDocument: false,
    request: (c) => ({ route: `/api/people/${c.otherPersonId}`, body: { organisation: 'Changed by the matrix test' } }),
    ok: 200,
  },
  {
    method: 'POST',
    path: '/api/people/:id/invitation',
    rule: 'people.manage',
    perDocument: false,
    request: (c) => ({ route: `/api/people/${c.otherPersonId}/invitation` }),
    ok: 200,
  },
  { method: 'GET', path: '/api/documents/:id/members', rule: 'people.manage', perDocument: false, request: (c) => ({ route: `/api/documents/${c.documentId}/members` }), ok: 200 },
  // The Secretariat adds the person back, then takes them out: each run of the two rows does both.
  {
    method: 'PUT',
    path: '/api/documents/:id/members/:personId',
    rule: 'people.manage',
    perDocument: false,
    request: (c) => ({ route: `/api/documents/${c.documentId}/members/${c.otherPersonId}`, body: { role: 'participant' } }),
    ok: 200,
  },
  { method: 'DELETE', path: '/api/documents/:id/members/:personId', rule: 'people.manage', perDocument: false, request: (c) => ({ route: `/api/documents/${c.documentId}/members/${c.otherPersonId}` }), ok: 204 },
  { method: 'GET', path: '/api/audit', rule: 'audit.read', perDocument: false, request: () => ({ route: '/api/audit' }), ok: 200 },
  { method: 'GET', path: '/api/documents/:id/threads', rule: 'document.read', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}/threads` }), ok: 200 },
  { method: 'GET', path: '/api/documents/:id/assignees', rule: 'assignees.read', perDocument: false, request: (c) => ({ route: `/api/documents/${c.documentId}/assignees` }), ok: 200 },
  {
    method: 'POST',
    path: '/api/documents/:id/threads',
    rule: 'thread.comment',
    perDocument: true,
    request: (c) => ({ route: `/api/documents/${c.documentId}/threads`, body: { sectionId: c.sectionId, kind: 'general', body: 'Matrix comment' } }),
    ok: 201,
  },
  // Importing a comment table (routes/commentImport.ts). A JSON body is no file: 400 for those who
  // may; an empty list of rows likewise. Neither stores anything.
  { method: 'GET', path: '/api/documents/:id/comment-import/template', rule: 'comments.import', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}/comment-import/template` }), ok: 200 },
  { method: 'POST', path: '/api/documents/:id/comment-import/preview', rule: 'comments.import', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}/comment-import/preview`, body: {} }), ok: 400 },
  { method: 'POST', path: '/api/documents/:id/comment-import', rule: 'comments.import', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}/comment-import`, body: { rows: [] } }), ok: 400 },
  {
    method: 'POST',
    path: '/api/threads/:id/replies',
    rule: 'thread.comment',
    perDocument: true,
    request: (c) => ({ route: `/api/threads/${c.threadId}/replies`, body: { body: 'Matrix reply' } }),
    ok: 201,
  },
  { method: 'POST', path: '/api/threads/:id/endorsements', rule: 'thread.endorse', perDocument: true, request: (c) => ({ route: `/api/threads/${c.threadId}/endorsements` }), ok: 200 },
  { method: 'DELETE', path: '/api/threads/:id/endorsements', rule: 'thread.endorse', perDocument: true, request: (c) => ({ route: `/api/threads/${c.threadId}/endorsements` }), ok: 200 },
  {
    method: 'PATCH',
    path: '/api/threads/:id',
    rule: 'thread.dispose',
    perDocument: true,
    request: (c) => ({ route: `/api/threads/${c.threadId}`, body: { status: 'noted', response: 'Noted by the matrix test' } }),
    ok: 200,
  },
  // Another person's words: nobody but their author may change or withdraw them.
  { method: 'PATCH', path: '/api/threads/:id', rule: 'author-only', perDocument: true, request: (c) => ({ route: `/api/threads/${c.threadId}`, body: { body: 'Rewritten by someone else' } }), ok: 200 },
  { method: 'DELETE', path: '/api/threads/:id', rule: 'author-only', perDocument: true, request: (c) => ({ route: `/api/threads/${c.threadId}` }), ok: 204 },
  {
    method: 'PATCH',
    path: '/api/threads/:id/replies/:replyId',
    rule: 'author-only',
    perDocument: true,
    request: (c) => ({ route: `/api/threads/${c.threadId}/replies/${c.replyId}`, body: { body: 'Rewritten by someone else' } }),
    ok: 200,
  },
  { method: 'DELETE', path: '/api/threads/:id/replies/:replyId', rule: 'author-only', perDocument: true, request: (c) => ({ route: `/api/threads/${c.threadId}/replies/${c.replyId}` }), ok: 204 },
  // Authorised callers pass the check and meet the next refusal: this thread proposes no wording (none was applied).
  { method: 'POST', path: '/api/threads/:id/apply', rule: 'thread.apply', perDocument: true, request: (c) => ({ route: `/api/threads/${c.threadId}/apply`, body: {} }), ok: 409 },
  { method: 'DELETE', path: '/api/threads/:id/apply', rule: 'thread.apply', perDocument: true, request: (c) => ({ route: `/api/threads/${c.threadId}/apply` }), ok: 409 },
  { method: 'POST', path: '/api/threads/:id/reaction', rule: 'author-only', perDocument: true, request: (c) => ({ route: `/api/threads/${c.threadId}/reaction`, body: { reaction: 'accepts' } }), ok: 200 },
  {
    method: 'POST',
    path: '/api/documents/:id/dispositions',
    rule: 'thread.dispose',
    perDocument: true,
    request: (c) => ({ route: `/api/documents/${c.documentId}/dispositions`, body: { threadIds: [c.threadId], status: 'noted', response: 'Noted in bulk' } }),
    ok: 200,
  },
  {
    method: 'POST',
    path: '/api/documents/:id/versions',
    rule: 'version.create',
    perDocument: true,
    request: (c) => ({ route: `/api/documents/${c.documentId}/versions`, body: { name: 'Matrix version' } }),
    ok: 201,
  },
  { method: 'GET', path: '/api/documents/:id/versions', rule: 'document.read', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}/versions` }), ok: 200 },
  { method: 'GET', path: '/api/documents/:id/versions/:versionId', rule: 'document.read', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}/versions/${c.versionId}` }), ok: 200 },
  { method: 'POST', path: '/api/documents/:id/versions/:versionId/restore', rule: 'text.edit', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}/versions/${c.versionId}/restore` }), ok: 200 },
  { method: 'GET', path: '/api/documents/:id/compare', rule: 'document.read', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}/compare?from=${c.versionId}&to=current` }), ok: 200 },
  {
    method: 'POST',
    path: '/api/documents/:id/signoffs',
    rule: 'signoff.submit',
    perDocument: true,
    request: (c) => ({ route: `/api/documents/${c.documentId}/signoffs`, body: { decision: 'approve' } }),
    ok: 201,
  },
  { method: 'GET', path: '/api/documents/:id/signoffs', rule: 'signoff.read', perDocument: false, request: (c) => ({ route: `/api/documents/${c.documentId}/signoffs` }), ok: 200 },
  { method: 'GET', path: '/api/documents/:id/signoffs/tally', rule: 'signoff.read', perDocument: false, request: (c) => ({ route: `/api/documents/${c.documentId}/signoffs/tally` }), ok: 200 },
  { method: 'GET', path: '/api/documents/:id/events', rule: 'document.read', perDocument: true, stream: true, request: (c) => ({ route: `/api/documents/${c.documentId}/events` }), ok: 200 },
  { method: 'GET', path: '/api/documents/:id/report', rule: 'report.read', perDocument: true, request: (c) => ({ route: `/api/documents/${c.documentId}/report` }), ok: 200 },
  // Last: it ends the session the rows above use.
  { method: 'PATCH', path: '/api/session', rule: 'signed-in', perDocument: false, request: () => ({ route: '/api/session', body: { language: 'en' } }), ok: 200 },
  { method: 'GET', path: '/api/settings', rule: 'signed-in', perDocument: false, request: () => ({ route: '/api/settings' }), ok: 200 },
  { method: 'GET', path: '/api/outbox', rule: 'people.manage', perDocument: false, request: () => ({ route: '/api/outbox' }), ok: 200 },
  // No message has this id: the Secretariat gets 404, everyone else 403 first.
  { method: 'GET', path: '/api/outbox/:id/eml', rule: 'people.manage', perDocument: false, request: () => ({ route: '/api/outbox/00000000-0000-4000-8000-000000000000/eml' }), ok: 404 },
  {
    method: 'POST',
    path: '/api/people/:id/invitation/email',
    rule: 'people.manage',
    perDocument: false,
    // Not the person's current link: the Secretariat gets 409, everyone else 403 first.
    request: (c) => ({ route: `/api/people/${c.otherPersonId}/invitation/email`, body: { token: 'not-their-current-link' } }),
    ok: 409,
  },
  { method: 'DELETE', path: '/api/session', rule: 'signed-in', perDocument: false, request: () => ({ route: '/api/session' }), ok: 204 },
];

const PUBLIC = new Set(['GET /api/health', 'POST /api/session', 'DELETE /api/session']);

let t: TestServer;
let otherPersonId: string;
const threadOf = new Map<string, string>();
const replyOf = new Map<string, string>();
const versionOf = new Map<string, string>();
const sectionOf = new Map<string, string>();
beforeAll(async () => {
  t = await startTestServer();
  otherPersonId = (await t.person({ role: 'participant', name: 'Target of changes' })).person.id;
  const author = await t.person({ role: 'working-group', name: 'Thread author' });
  for (const documentId of SEED_IDS) {
    const sectionId = (await t.api('GET', `/api/documents/${documentId}`, { cookie: author.cookie })).body.sections[0].id;
    const res = await t.api('POST', `/api/documents/${documentId}/threads`, { cookie: author.cookie, body: { sectionId, kind: 'general', body: 'Seed thread' } });
    threadOf.set(documentId, res.body.id);
    replyOf.set(documentId, (await t.api('POST', `/api/threads/${res.body.id}/replies`, { cookie: author.cookie, body: { body: 'Seed reply' } })).body.id);
    const version = await t.api('POST', `/api/documents/${documentId}/versions`, { cookie: t.adminCookie, body: { name: 'Matrix base' } });
    versionOf.set(documentId, version.body.id);
    sectionOf.set(documentId, sectionId);
  }
});
const ctx = (documentId: string, phase: Phase): Ctx => ({ documentId, phase, otherPersonId, threadId: threadOf.get(documentId)!, replyId: replyOf.get(documentId)!, sectionId: sectionOf.get(documentId)!, versionId: versionOf.get(documentId)! });

async function call(route: RouteCase, url: string, cookie: string | undefined, body: unknown): Promise<{ status: number; code?: string }> {
  if (!route.stream) {
    const res = await t.api(route.method, url, { cookie, body });
    return { status: res.status, code: res.body?.error?.code };
  }
  const controller = new AbortController();
  const res = await fetch(`${t.url}${url}`, { headers: cookie ? { cookie } : {}, signal: controller.signal });
  const code = res.status === 200 ? undefined : ((await res.json()) as { error: { code: string } }).error.code;
  controller.abort();
  return { status: res.status, code };
}
afterAll(() => t.close());

function expected(route: RouteCase, role: Role, phase: Phase): number {
  if (route.rule === 'signed-in') return route.ok;
  if (route.rule === 'author-only') return 403;
  const phases: string = EXPECTED[route.rule][role];
  // Routes not about one document's phase: allowed if the role may in any phase.
  const ok = route.perDocument ? phases.includes(LETTER[phase]) : phases !== '';
  return ok ? route.ok : 403;
}

describe('the access matrix', () => {
  it('has a row for every API route the server answers', () => {
    const covered = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));
    expect(t.server.routes.length).toBeGreaterThan(10);
    const missing = t.server.routes.map((r) => `${r.method} ${r.path}`).filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
  });

  it('refuses every non-public route without a session (401)', async () => {
    for (const route of ROUTES) {
      if (PUBLIC.has(`${route.method} ${route.path}`)) continue;
      const { route: url, body } = route.request(ctx(SEED_IDS[0], 'consultation'));
      const res = await call(route, url, undefined, body);
      expect(res.status, `${route.method} ${url}`).toBe(401);
    }
  });

  it.each(ROLES)('answers %s as the matrix says, in every phase, on each document', async (role) => {
    const results: string[] = [];
    const failures: string[] = [];
    for (const phase of PHASES) {
      // The two documents are in different phases: rights follow each document's own phase.
      const otherPhase = PHASES[(PHASES.indexOf(phase) + 2) % PHASES.length]!;
      await t.setPhase(SEED_IDS[0], phase);
      await t.setPhase(SEED_IDS[1], otherPhase);
      for (const [documentId, docPhase] of [
        [SEED_IDS[0], phase],
        [SEED_IDS[1], otherPhase],
      ] as const) {
        const { cookie } = await t.person({ role });
        for (const route of ROUTES) {
          if (!route.perDocument && documentId !== SEED_IDS[0]) continue;
          const { route: url, body } = route.request(ctx(documentId, docPhase));
          const res = await call(route, url, cookie, body);
          const want = expected(route, role, docPhase);
          results.push(`${route.method} ${url}`);
          if (res.status !== want) failures.push(`${role} ${route.method} ${url} in ${docPhase}: ${res.status}, expected ${want}`);
          if (res.status === 403 && res.code !== 'forbidden') failures.push(`${role} ${route.method} ${url}: 403 with code ${res.code}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(results.length).toBeGreaterThan(ROUTES.length);
    // Hundreds of requests per role, a few queries each on PostgreSQL: more than the default 30 s on a busy machine.
  }, 120_000);
});
