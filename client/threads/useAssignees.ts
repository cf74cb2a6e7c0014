/**
 * Whom a thread can be assigned to. The Secretariat may list people, so it gets every active
 * working-group and Secretariat member; a working-group member cannot, and chooses between
 * nobody, themselves and whoever is assigned now.
 */
import { useEffect, useState } from 'react';
import { threadApi } from '../api.ts';

export interface Assignee {
  id: string;
  name: string;
}

let everyone: Promise<Assignee[]> | null = null;

function loadEveryone(): Promise<Assignee[]> {
  everyone ??= threadApi.people().then(
    (people) =>
      people
        .filter((p) => p.active && (p.role === 'working-group' || p.role === 'secretariat'))
        .map((p) => ({ id: p.id, name: p.name }))
        .toSorted((a, b) => a.name.localeCompare(b.name, 'en')),
    (error: unknown) => {
      everyone = null;
      throw error;
    },
  );
  return everyone;
}

export function useAssignees(listEveryone: boolean): Assignee[] | null {
  const [list, setList] = useState<Assignee[] | null>(null);
  useEffect(() => {
    if (!listEveryone) return;
    let live = true;
    loadEveryone().then(
      (people) => live && setList(people),
      () => {
        // Without the list the Secretariat still gets the short choice below.
      },
    );
    return () => {
      live = false;
    };
  }, [listEveryone]);
  return list;
}
