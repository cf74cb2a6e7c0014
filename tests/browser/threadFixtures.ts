/**
 * Comments made through the API for the browser tests and screenshots, anchored the way the editor
 * anchors them (from a real client's copy of the text), in one line each.
 */
import type { Thread } from '../../shared/api.ts';
import type { ThreadKind } from '../../shared/domain.ts';
import { anchorInText } from '../../server/documents/anchors.ts';
import { paragraphs } from '../helpers/anchors.ts';
import { connect } from '../helpers/collabClient.ts';
import type { TestServer } from '../helpers/testServer.ts';

export interface CommentSpec {
  cookie: string;
  /** Index among the longer paragraphs of the text (tests/helpers/anchors.ts). */
  paragraph: number;
  from?: number;
  to?: number;
  kind?: ThreadKind;
  body: string;
  proposedText?: string;
  /** A whole-section comment on the paragraph's section. */
  wholeSection?: boolean;
  /** Ends the anchor in this later paragraph instead (a comment across paragraphs). */
  toParagraph?: number;
}

/** Opens the comments in order; returns them as the server answered. */
export async function comment(t: TestServer, documentId: string, specs: CommentSpec[]): Promise<Thread[]> {
  const reader = connect(t.wsUrl, documentId, t.adminCookie);
  try {
    await reader.synced;
    const blocks = paragraphs(reader.doc);
    const made: Thread[] = [];
    for (const spec of specs) {
      const block = blocks[spec.paragraph];
      if (!block) throw new Error(`no paragraph ${spec.paragraph}`);
      const until = spec.toParagraph === undefined ? block : blocks[spec.toParagraph];
      if (!until) throw new Error(`no paragraph ${spec.toParagraph}`);
      const anchor = spec.wholeSection
        ? null
        : { start: anchorInText(block.text, spec.from ?? 0, spec.from ?? 0).start, end: anchorInText(until.text, spec.to ?? 30, spec.to ?? 30).end };
      const res = await t.api('POST', `/api/documents/${documentId}/threads`, {
        cookie: spec.cookie,
        body: { sectionId: block.sectionId, anchor, kind: spec.kind ?? 'general', body: spec.body, proposedText: spec.proposedText },
      });
      if (res.status !== 201) throw new Error(`comment failed: ${res.status} ${JSON.stringify(res.body)}`);
      made.push(res.body as Thread);
    }
    return made;
  } finally {
    reader.destroy();
  }
}

/** The plain text of the document as the server holds it now. */
export function serverText(t: TestServer, documentId: string): Promise<string> {
  return t.server.services.collab.rooms.use(documentId, (room) => room.doc.getXmlFragment('default').toString());
}
