// What the summary learns from the story's origin groups and claims, and a summary of plain documents that works them out first.
import { groupClaims, SAME_CLAIM_SCORER, type ClaimsResult } from '../claims/claims.js';
import { groupIdsOf, originGroups, type Origin } from '../origins/origins.js';
import { summarize, type SummaryContext, type SummaryDocument, type SummarySentence } from './summary.js';

/** The context of a story whose documents are identified by their ref (as a string). */
export function summaryContext(groupOf: Map<number, number>, claims: ClaimsResult | null): SummaryContext {
  const claimAt = new Map<string, number>();
  claims?.claims.forEach((claim, i) => {
    for (const s of claim.statements) claimAt.set(`${s.ref}:${s.start}`, i);
  });
  return {
    groupOf: (document) => groupOf.get(Number(document)) ?? -Number(document),
    claimOf: (document, start) => claimAt.get(`${document}:${start}`),
  };
}

/**
 * The multi-source summary of plain documents (`summarize --input`), by the brief's own code: origin groups and
 * claims first, then the summary that uses them. A step that fails leaves the summary without it.
 */
export function summarizeStory(documents: SummaryDocument[], words: number): SummarySentence[] {
  const refs = documents.map((d, i) => ({ ref: i + 1, text: d.text }));
  let groups: Origin[] = [];
  try {
    groups = originGroups(refs.map((r) => ({ ...r, outlet: '', credits: [] })));
  } catch {
    groups = [];
  }
  const groupOf = groupIdsOf(groups, refs.map((r) => r.ref));
  let claims: ClaimsResult | null = null;
  try {
    claims = groupClaims(
      refs.map((r) => ({ ...r, group: groupOf.get(r.ref)! })),
      SAME_CLAIM_SCORER,
    );
  } catch {
    claims = null;
  }
  const byRef = documents.map((d, i) => ({ ...d, id: String(i + 1) }));
  return summarize(byRef, words, summaryContext(groupOf, claims)).map((s) => ({
    ...s,
    document: documents[Number(s.document) - 1]!.id,
    support: s.support.map((ref) => documents[Number(ref) - 1]!.id),
  }));
}
