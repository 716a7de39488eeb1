// The fingerprint stage: identity and content hashes, word shingles and the MinHash signature.
import { createHash } from 'node:crypto';
import type { Article } from '../article.js';
import { minhash } from './minhash.js';
import { bodyTokens } from '../text/article-tokens.js';
import { idShingleHashes, normShingleHashes, tokenize, tokenNormHashes } from '../text/tokens.js';

/** Shingle size for near-duplicate detection (5 words: robust to small edits, rare by chance). */
export const SHINGLE_SIZE = 5;

declare module '../article.js' {
  interface ArticleData {
    /** SHA-256 of the normalised body (title when there is no body): equal for exact duplicates. */
    contentHash?: string;
    /** SHA-256 of outlet, URL, title and content: the same input item ingested twice has the same key. */
    itemKey?: string;
    shingles?: Uint32Array;
    signature?: Uint32Array;
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The fingerprint stage on one article. `lean`: only what duplicate finding reads (content hash, shingles,
 * signature), from the body's token norms alone: no tokens kept on the article for later stages
 * (`bodyTokens`), no item key. The same values as the full stage, for tools that need nothing else (`dupes`).
 */
export function fingerprint(article: Article, options: { lean?: boolean } = {}): void {
  if (options.lean && article.text) {
    // The same hashes from the norms' hashes and joined bytes, with no string per token (tokenNormHashes).
    const { ids, joined } = tokenNormHashes(article.text);
    article.data.contentHash = createHash('sha256').update(joined).digest('hex');
    article.data.shingles = idShingleHashes(ids, SHINGLE_SIZE);
    article.data.signature = minhash(article.data.shingles);
    return;
  }
  const norms = article.text ? bodyTokens(article).map((t) => t.norm) : tokenize(article.title ?? '').map((t) => t.norm);
  const normalized = norms.join(' ');
  article.data.contentHash = sha256(normalized);
  if (!options.lean) article.data.itemKey = sha256([article.outlet ?? '', article.url ?? '', article.title ?? '', article.input.id ?? '', normalized].join('\u0001'));
  article.data.shingles = normShingleHashes(norms, SHINGLE_SIZE);
  article.data.signature = minhash(article.data.shingles);
}
