/**
 * One-click unsubscribe tokens (RFC 8058): the person and the kind of message, signed with the mail
 * store's secret, so the link works without a session and cannot be forged for someone else.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../shared/notifications.ts';

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest().subarray(0, 18).toString('base64url');

export function unsubscribeToken(secret: string, personId: string, kind: NotificationKind): string {
  const payload = Buffer.from(`${personId} ${kind}`).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export function readUnsubscribeToken(secret: string, token: string): { personId: string; kind: NotificationKind } | null {
  if (token.length > 300) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [personId, kind, more] = Buffer.from(payload, 'base64url').toString('utf8').split(' ');
  if (!personId || more !== undefined || !NOTIFICATION_KINDS.includes(kind as NotificationKind)) return null;
  return { personId, kind: kind as NotificationKind };
}
