/**
 * What stops a row of a bulk invitation travels as a code with values (shared/bulkInvite.ts), and the
 * interface words it from the catalogues: every code the server gives has words in both languages,
 * and the values the server sends fill the placeholders those words use.
 */
import { describe, expect, it } from 'vitest';
import { BULK_PROBLEM_CODES, type BulkRow } from '../../shared/bulkInvite.ts';
import { en } from '../../shared/i18n/en.ts';
import { fr } from '../../shared/i18n/fr.ts';
import { judgeRows } from '../../server/people/bulkRows.ts';
import { translate } from '../../server/i18n.ts';

const row = (cells: Partial<BulkRow>): BulkRow => ({ name: 'Ana Lima', email: 'ana@example.org', country: 'BR', organisation: 'Fiocruz', stakeholder: 'government', role: '', language: '', ...cells });

describe('the problems of a bulk invitation row', () => {
  it('have words in English and French for every code', () => {
    for (const code of BULK_PROBLEM_CODES) {
      expect(en[`bulkProblem.${code}`], code).toBeTruthy();
      expect(fr[`bulkProblem.${code}`], code).toBeTruthy();
    }
  });

  it('are worded in French from the code and values the server gives, and in English as the message', () => {
    const rows = [
      row({ email: 'taken@example.org' }),
      row({ email: 'not-an-address', country: 'XX', stakeholder: 'press', role: 'chair', language: 'de' }),
      row({ email: 'ana2@example.org' }),
      row({ name: '', email: 'ana2@example.org', country: '', stakeholder: '' }),
    ];
    const judged = judgeRows(rows, 'participant', new Map([['taken@example.org', 'Taken Address']]));
    const words = judged.map((j) => j.verdict.problems.map((p) => translate('fr', `bulkProblem.${p.code}`, p.values)));
    expect(words).toEqual([
      ['Taken Address a déjà un compte avec cette adresse.'],
      [
        '«\u00a0not-an-address\u00a0» n’est pas une adresse électronique.',
        '«\u00a0XX\u00a0» n’est pas un code de pays (ISO 3166-1, par exemple FR ou BE).',
        '«\u00a0press\u00a0» n’est pas une catégorie de parties prenantes (gouvernement, société civile, organisation internationale ou autre).',
        '«\u00a0chair\u00a0» n’est pas un rôle (participant, groupe de travail, Correspondant permanent ou Secrétariat).',
        '«\u00a0de\u00a0» n’est pas une langue d’Accord (en ou fr).',
      ],
      [],
      ['Le nom manque.', 'La même adresse figure à la ligne 3.', 'Le pays manque.', 'La catégorie de parties prenantes manque (gouvernement, société civile, organisation internationale ou autre).'],
    ]);
    expect(judged[0]!.verdict.problems[0]!.message).toBe('Taken Address already has an account with this address.');
  });
});
