// Wording the brief's renderers (Markdown, HTML) share: dates as people read them, estimated ranges, section names.
import type { BriefConflict, BriefEntity, BriefStory, OriginGroupMember, PublishEstimate } from './model.js';

/** An ISO time without the parts that say nothing (`2021-01-08T21:17:00.000Z` -> `2021-01-08 21:17`), or `undated`. */
export const shownDate = (iso: string | null): string =>
  iso ? iso.replace('T', ' ').replace(/:00(?:\.000)?Z$|\.\d{3}Z$|Z$/, '').replace(/ 00:00$/, '') : 'undated';

/** An estimated publish range: one day, or `first – last`. */
export const estimateRange = (estimate: Pick<PublishEstimate, 'earliest' | 'latest'>): string =>
  estimate.earliest === estimate.latest ? estimate.earliest : `${estimate.earliest} – ${estimate.latest}`;

/** ` · first – last` of a story's publish times, or nothing when it has none. */
export const storySpan = (story: BriefStory): string =>
  story.firstSeen ? ` · ${shownDate(story.firstSeen)}${story.lastSeen && story.lastSeen !== story.firstSeen ? ` – ${shownDate(story.lastSeen)}` : ''}` : '';

export const ENTITY_TYPE_TITLES: Record<BriefEntity['type'], string> = { PER: 'People', ORG: 'Organisations', LOC: 'Places' };

/** `N articles from M sources, K independent` for a story's header line. */
export const storyCounts = (story: BriefStory & { independentSources?: number }): string =>
  `${story.articleCount} article${story.articleCount === 1 ? '' : 's'} from ${story.sourceCount} source${story.sourceCount === 1 ? '' : 's'}` +
  (story.independentSources !== undefined ? `, ${story.independentSources} independent` : '');

/** Why a source is in its origin group: `copies [2] (58 words outside quotations)`, or `origin`. */
export const originReason = (member: OriginGroupMember): string =>
  member.copies === null
    ? 'origin'
    : `${member.link === 'near-duplicate' ? 'near-duplicate of' : 'copies'} [${member.copies}] (${member.sharedWords} words outside quotations, ${Math.round(member.overlap * 100)}% of its own wording)`;

export const CONFLICT_KIND_TITLES: Record<BriefConflict['kind'], string> = { number: 'Number', date: 'Date or day', name: 'Name', place: 'Place' };
