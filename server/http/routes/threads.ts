/** Comment threads: list, open, reply, endorse, edit or withdraw one's own, dispositions. */
import { Hono } from 'hono';
import { z } from 'zod';
import { THREAD_KINDS, THREAD_STATUSES } from '../../../shared/domain.ts';
import { MAX_COMMENT_CHARS } from '../../../shared/limits.ts';
import type { AppEnv, Services } from '../context.ts';
import { validate } from '../validate.ts';
import { requireRole, requireSession } from '../middleware.ts';
import { asThreadMember } from '../authorize.ts';
import { DocumentParam } from './documents.ts';
import { listThreads, openThread, publishThread, replyTo, setEndorsement, withdrawThread, type ThreadDeps } from '../../threads/threads.ts';
import { editOwnReply, withdrawReply } from '../../threads/replies.ts';
import { changeThread, disposeMany, recordReaction } from '../../threads/resolution.ts';
import { applyProposal, undoApply } from '../../threads/apply.ts';
import { assigneesOf } from '../../threads/assignees.ts';
import { commentsOf } from '../../threads/mine.ts';

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(MAX_COMMENT_CHARS, `${what} may be at most ${MAX_COMMENT_CHARS.toLocaleString('en')} characters`);
const optionalText = (what: string) =>
  z
    .string()
    .trim()
    .max(MAX_COMMENT_CHARS, `${what} may be at most ${MAX_COMMENT_CHARS.toLocaleString('en')} characters`)
    .nullable()
    .optional();

const AnchorSchema = z.object({ start: z.string().min(1).max(1000), end: z.string().min(1).max(1000) }).strict();

const NewThread = z
  .object({
    sectionId: z.string().min(1).max(100),
    anchor: AnchorSchema.nullable().optional(),
    kind: z.enum(THREAD_KINDS),
    body: text('body'),
    proposedText: optionalText('proposedText'),
    onBehalfOf: z.string().uuid('onBehalfOf must be a person id').optional(),
    receivedAt: z.iso.datetime({ offset: true, message: 'receivedAt must be an ISO 8601 instant' }).optional(),
  })
  .strict();

const NewReply = z.object({ body: text('body') }).strict();

const ThreadChange = z
  .object({
    status: z.enum(THREAD_STATUSES).optional(),
    response: optionalText('response'),
    assigneeId: z.string().uuid('assigneeId must be a person id').nullable().optional(),
    body: text('body').optional(),
    kind: z.enum(THREAD_KINDS).optional(),
    proposedText: optionalText('proposedText'),
  })
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'nothing to change');

const Apply = z.object({ response: optionalText('response') }).strict();

const BulkDisposition = z
  .object({
    threadIds: z.array(z.string().uuid('threadIds must be thread ids')).min(1, 'choose at least one thread').max(1000),
    status: z.enum(THREAD_STATUSES).optional(),
    response: optionalText('response'),
    assigneeId: z.string().uuid('assigneeId must be a person id').nullable().optional(),
  })
  .strict();

const Reaction = z.object({ reaction: z.enum(['accepts', 'maintains-objection']), statement: optionalText('statement') }).strict();

export const ThreadParam = z.object({ id: z.string().uuid('not a thread id') });
const ReplyParam = z.object({ id: z.string().uuid('not a thread id'), replyId: z.string().uuid('not a reply id') });

export function threadRoutes(services: Services) {
  const deps: ThreadDeps = services;
  return new Hono<AppEnv>()
    .use('/api/threads/*', requireSession(services), requireRole('document.read'))
    .get('/api/me/comments', requireSession(services), async (c) => c.json(await commentsOf(deps, c.get('person'))))
    // The caller as a member of the thread's document; a thread of another document is no thread.
    .use('/api/threads/:id/*', asThreadMember(services))
    .get('/api/documents/:id/threads', validate('param', DocumentParam), async (c) => c.json(await listThreads(deps, c.req.valid('param').id)))
    .get('/api/documents/:id/assignees', validate('param', DocumentParam), async (c) => c.json(await assigneesOf(deps, c.get('person'), c.req.valid('param').id)))
    .post('/api/documents/:id/threads', validate('param', DocumentParam), validate('json', NewThread), async (c) =>
      c.json(await openThread(deps, c.get('person'), c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .post('/api/threads/:id/replies', validate('param', ThreadParam), validate('json', NewReply), async (c) =>
      c.json(await replyTo(deps, c.get('person'), c.req.valid('param').id, c.req.valid('json').body), 201),
    )
    .patch('/api/threads/:id/replies/:replyId', validate('param', ReplyParam), validate('json', NewReply), async (c) => {
      const { id, replyId } = c.req.valid('param');
      return c.json(await editOwnReply(deps, c.get('person'), id, replyId, c.req.valid('json').body));
    })
    .delete('/api/threads/:id/replies/:replyId', validate('param', ReplyParam), async (c) => {
      const { id, replyId } = c.req.valid('param');
      await withdrawReply(deps, c.get('person'), id, replyId);
      return c.body(null, 204);
    })
    .post('/api/threads/:id/endorsements', validate('param', ThreadParam), async (c) =>
      c.json(await setEndorsement(deps, c.get('person'), c.req.valid('param').id, true)),
    )
    .delete('/api/threads/:id/endorsements', validate('param', ThreadParam), async (c) =>
      c.json(await setEndorsement(deps, c.get('person'), c.req.valid('param').id, false)),
    )
    .patch('/api/threads/:id', validate('param', ThreadParam), validate('json', ThreadChange), async (c) => {
      const { id } = c.req.valid('param');
      const { status, response, assigneeId, body, kind, proposedText } = c.req.valid('json');
      // Words belong to the author, dispositions to the working group: each part is checked on its own
      // rights, and both are written together or not at all.
      const own = body !== undefined || kind !== undefined || proposedText !== undefined ? { body, kind, proposedText } : null;
      const disposition = status !== undefined || response !== undefined || assigneeId !== undefined ? { status, response, assigneeId } : null;
      return c.json(await publishThread(deps, await changeThread(deps, c.get('person'), id, own, disposition)));
    })
    .post('/api/threads/:id/apply', validate('param', ThreadParam), validate('json', Apply), async (c) =>
      c.json(await applyProposal(deps, c.get('person'), c.req.valid('param').id, c.req.valid('json').response)),
    )
    // Undoing an apply: the old words back in the text and the thread's answer as it was.
    .delete('/api/threads/:id/apply', validate('param', ThreadParam), async (c) => c.json(await undoApply(deps, c.get('person'), c.req.valid('param').id)))
    .post('/api/threads/:id/reaction', validate('param', ThreadParam), validate('json', Reaction), async (c) => {
      const { reaction, statement } = c.req.valid('json');
      return c.json(await recordReaction(deps, c.get('person'), c.req.valid('param').id, reaction, statement));
    })
    .post('/api/documents/:id/dispositions', validate('param', DocumentParam), validate('json', BulkDisposition), async (c) => {
      const { threadIds, ...change } = c.req.valid('json');
      return c.json(await disposeMany(deps, c.get('person'), c.req.valid('param').id, threadIds, change));
    })
    .delete('/api/threads/:id', validate('param', ThreadParam), async (c) => {
      await withdrawThread(deps, c.get('person'), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
