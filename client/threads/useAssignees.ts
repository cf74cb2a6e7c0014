/**
 * Whom a thread can be assigned to: the document's working-group members and the Secretariat, for
 * anyone who answers comments (GET /api/documents/:id/assignees). Asked once per document.
 */
import { useEffect, useState } from 'react';
import { threadApi } from '../api.ts';

export interface Assignee {
  id: string;
  name: string;
}

const byDocument = new Map<string, Promise<Assignee[]>>();

function load(documentId: string): Promise<Assignee[]> {
  let list = byDocument.get(documentId);
  if (!list) {
    list = threadApi.assignees(documentId);
    // A failure is not kept: the next form asks again.
    list.catch(() => byDocument.delete(documentId));
    byDocument.set(documentId, list);
  }
  return list;
}

export function useAssignees(documentId: string, enabled: boolean): Assignee[] | null {
  const [list, setList] = useState<Assignee[] | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    load(documentId).then(
      (people) => live && setList(people),
      () => {
        // Without the list the form still offers nobody, oneself and whoever is assigned now.
      },
    );
    return () => {
      live = false;
    };
  }, [documentId, enabled]);
  return list;
}
