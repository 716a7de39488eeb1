// Clustering bad input: articles with no date, a future or 1970 date, no title, one sentence, only a headline, or
// another language are clustered without a crash and never glue two unrelated stories together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Article } from '../article.js';
import { prepare } from '../pipeline.js';
import { clusterArticles } from './batch.js';

interface Input {
  id: string;
  title?: string;
  text: string;
  published?: string;
}

const FLOODS: Input[] = [
  {
    id: 'flood-1',
    title: 'Floods force thousands from their homes in the Rhine valley',
    text: 'Heavy rain flooded the Rhine valley on Monday and forced thousands of families to leave their homes, officials in Koblenz said. Rescue teams worked through the night to reach villages cut off by the water. The river rose to 9.2 metres, its highest level since 1993.',
    published: '2021-01-05T08:00:00Z',
  },
  {
    id: 'flood-2',
    title: 'Rhine floods: thousands evacuated as river reaches 9.2 metres',
    text: 'Thousands of families were evacuated from villages along the Rhine after heavy rain on Monday, officials in Koblenz said. The river reached 9.2 metres, the highest since 1993, and rescue teams worked through the night to reach villages cut off by the flood water.',
    published: '2021-01-05T11:00:00Z',
  },
  {
    id: 'flood-3',
    title: 'Koblenz counts the cost of the Rhine floods',
    text: 'Officials in Koblenz said the Rhine floods forced thousands of families from their homes after heavy rain on Monday. Rescue teams reached villages cut off by the water, and the river peaked at 9.2 metres, its highest level since 1993.',
    published: '2021-01-06T09:00:00Z',
  },
];

const ELECTION: Input[] = [
  {
    id: 'vote-1',
    title: 'Portugal re-elects President Marcelo Rebelo de Sousa',
    text: 'Portuguese voters re-elected President Marcelo Rebelo de Sousa on Sunday with 61 percent of the vote, official results showed. Turnout was low as the country faced a surge of coronavirus cases, and the far-right candidate Andre Ventura came third.',
    published: '2021-01-05T09:00:00Z',
  },
  {
    id: 'vote-2',
    title: 'Rebelo de Sousa wins second term in Portugal presidential election',
    text: 'President Marcelo Rebelo de Sousa won a second term in Portugal on Sunday with 61 percent of the vote. Andre Ventura of the far-right Chega party came third, and turnout fell as coronavirus cases surged across the country.',
    published: '2021-01-05T12:00:00Z',
  },
  {
    id: 'vote-3',
    title: 'Portugal: Rebelo de Sousa re-elected, far right third',
    text: 'Marcelo Rebelo de Sousa was re-elected president of Portugal with 61 percent of the vote on Sunday, official results showed. The far-right candidate Andre Ventura came third on a day of low turnout during a surge of coronavirus cases.',
    published: '2021-01-06T10:00:00Z',
  },
];

const article = (input: Input): Article => prepare(new Article({ file: 'in.jsonl' }, input), ['clean', 'describe']);

/** Cluster the two stories interleaved with the bad items, and check nothing glued them together. */
async function clusterWith(bad: Input[]): Promise<Map<string, number>> {
  const inputs = [FLOODS[0]!, ELECTION[0]!, ...bad, FLOODS[1]!, ELECTION[1]!, FLOODS[2]!, ELECTION[2]!];
  const stories = new Map<string, number>();
  for await (const line of clusterArticles(inputs.map(article))) stories.set(line.id, line.story);
  assert.equal(stories.size, inputs.length, 'every article gets a story');
  const flood = new Set(FLOODS.map((a) => stories.get(a.id)));
  const vote = new Set(ELECTION.map((a) => stories.get(a.id)));
  assert.equal(flood.size, 1, `the flood reports form one story: ${JSON.stringify([...stories])}`);
  assert.equal(vote.size, 1, `the election reports form one story: ${JSON.stringify([...stories])}`);
  assert.notEqual([...flood][0], [...vote][0], 'the flood and the election are not one story');
  return stories;
}

/** The bad items, unrelated to both stories, stay out of them. */
async function staysApart(bad: Input[]): Promise<void> {
  const stories = await clusterWith(bad);
  const taken = new Set([stories.get('flood-1'), stories.get('vote-1')]);
  for (const item of bad) assert.ok(!taken.has(stories.get(item.id)), `${item.id} joined a story it is not about`);
}

const UNRELATED = 'The museum opened a new wing for modern sculpture, with works by forty artists lent by private collectors. Tickets for the first weekend sold out within hours.';

test('an article with no date is clustered apart from unrelated stories; one about the floods joins them', async () => {
  await staysApart([{ id: 'undated', title: 'Museum opens sculpture wing', text: UNRELATED }]);
  const stories = await clusterWith([{ id: 'undated-flood', title: 'Rhine floods force thousands from homes in Koblenz', text: FLOODS[1]!.text }]);
  assert.equal(stories.get('undated-flood'), stories.get('flood-1'));
});

test('articles dated in the future or in 1970 are clustered without a crash and glue nothing', async () => {
  await staysApart([
    { id: 'future', title: 'Museum opens sculpture wing', text: UNRELATED, published: '2999-01-01T00:00:00Z' },
    { id: 'epoch', title: 'Museum sculpture wing sells out', text: UNRELATED, published: '1970-01-01T00:00:00Z' },
  ]);
});

test('an article with no title is clustered; one about the election joins it', async () => {
  await staysApart([{ id: 'untitled', text: UNRELATED }]);
  const stories = await clusterWith([{ id: 'untitled-vote', text: ELECTION[2]!.text, published: '2021-01-05T13:00:00Z' }]);
  assert.equal(stories.get('untitled-vote'), stories.get('vote-1'));
});

test('a one-sentence article sharing a common word with a story does not join it', async () => {
  await staysApart([{ id: 'one-sentence', title: 'Officials said', text: 'Officials said on Monday that the new bridge will open in spring.' }]);
});

// Known limit: a headline sharing two common words with a story's title and lead ("Home team wins the cup
// final" beside "Floods force thousands from their homes" with "rescue teams") can still join it.
test('headline-only items: unrelated ones stay apart, one about the floods joins the flood story', async () => {
  await staysApart([
    { id: 'headline-1', title: 'Local club wins the cup final', text: 'Local club wins the cup final' },
    { id: 'headline-2', title: 'Stocks rise on Monday', text: '' },
  ]);
  const stories = await clusterWith([{ id: 'headline-flood', title: 'Rhine floods force thousands from homes in Koblenz', text: '' }]);
  assert.equal(stories.get('headline-flood'), stories.get('flood-1'));
});

test('articles in unexpected languages are clustered and glue nothing', async () => {
  await staysApart([
    { id: 'japanese', title: '美術館が彫刻の新館を開館', text: '美術館は現代彫刻の新しい棟を開き、四十人の作家の作品を展示した。初週末の入場券は数時間で売り切れた。' },
    { id: 'greek', title: 'Το μουσείο ανοίγει νέα πτέρυγα', text: 'Το μουσείο άνοιξε νέα πτέρυγα για τη σύγχρονη γλυπτική, με έργα σαράντα καλλιτεχνών.' },
    { id: 'mixed', title: 'Athens Museum of Cycladic Art', text: 'Το Μουσείο Κυκλαδικής Τέχνης στην Αθήνα.' },
  ]);
});
