// What the summary learns from the story's origin groups and claims, and a summary of plain documents that works them out first.
import { groupClaims, type ClaimsResult } from '../claims/claims.js';
import { prepareClaim, SAME_CLAIM_THRESHOLD, scorePrepared } from '../claims/same-claim.js';
import { originGroups } from '../origins/origins.js';
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
  const groupOf = new Map<number, number>();
  try {
    for (const group of originGroups(refs.map((r) => ({ ...r, outlet: '', credits: [] })))) for (const m of group.members) groupOf.set(m.ref, group.id);
  } catch {
    refs.forEach((r) => groupOf.set(r.ref, r.ref));
  }
  let claims: ClaimsResult | null = null;
  try {
    claims = groupClaims(
      refs.map((r) => ({ ...r, group: groupOf.get(r.ref)! })),
      { prepare: prepareClaim, score: scorePrepared, threshold: SAME_CLAIM_THRESHOLD },
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
