// Tests for language detection: the integer-table scorer gives franc-min's answers; the bounded sample keeps long texts' answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { franc } from 'franc-min';
import { seededRandom } from '../../test/helpers.js';
import { guessLanguage } from './language-trigrams.js';
import { detectLanguage, languageSample, SAMPLE_PIECE } from './language.js';

const TEXTS = [
  'Heavy rain flooded the valley on Monday and forced hundreds of families to leave their homes, officials said.',
  'Starker Regen hat am Montag das Tal überflutet und Hunderte Familien gezwungen, ihre Häuser zu verlassen.',
  'De fortes pluies ont inondé la vallée lundi et forcé des centaines de familles à quitter leur maison.',
  'Las fuertes lluvias inundaron el valle el lunes y obligaron a cientos de familias a abandonar sus hogares.',
  'Nesta página você terá sempre a classificação atualizada da corrida, com os pilotos e os pontos de cada etapa.',
  'Сильные дожди затопили долину в понедельник и вынудили сотни семей покинуть свои дома, заявили власти.',
  'Ulewne deszcze zalały w poniedziałek dolinę i zmusiły setki rodzin do opuszczenia domów, podali urzędnicy.',
  '月曜日の大雨で谷が浸水し、数百の家族が家を離れることを余儀なくされたと当局者は述べた。',
  '周一的暴雨淹没了山谷，迫使数百户家庭离开家园，官员说。这是多年来最严重的洪水。',
  'Heavy rain 2021 !!! ###',
  '1234567890 1234567890 1234567890 1234567890',
];

test('guessLanguage gives franc-min its own answers (fixed texts, their prefixes, and seeded mixtures)', () => {
  const random = seededRandom(99);
  const inputs = [...TEXTS, ...TEXTS.map((t) => t.slice(0, 45))];
  for (let i = 0; i < 200; i++) {
    const parts = Array.from({ length: 1 + Math.floor(random() * 4) }, () => TEXTS[Math.floor(random() * TEXTS.length)]!);
    inputs.push(parts.join(' ').slice(0, 40 + Math.floor(random() * 400)));
  }
  for (const text of inputs) assert.equal(guessLanguage(text, 40), franc(text, { minLength: 40 }), text);
  assert.equal(guessLanguage('short', 40), 'und');
});

test('the sample is bounded, whole for short texts, and cuts at spaces', () => {
  const short = TEXTS[0]!;
  assert.equal(languageSample(short), short);
  const long = Array.from({ length: 200 }, (_, i) => TEXTS[i % 2]!).join(' ');
  const sample = languageSample(long);
  assert.ok(sample.length <= 3 * SAMPLE_PIECE + 2, `sample of ${sample.length} characters`);
  for (const piece of sample.split(' ')) assert.ok(long.includes(piece));
});

test('a long article keeps its language when only a bounded sample is read, despite a foreign quotation', () => {
  const english = Array.from({ length: 40 }, () => TEXTS[0]).join(' ');
  const withQuote = `${english} ${TEXTS[1]} ${english}`;
  assert.equal(detectLanguage(withQuote), 'en');
  assert.equal(detectLanguage(Array.from({ length: 40 }, () => TEXTS[2]).join(' ')), 'fr');
  assert.equal(detectLanguage(Array.from({ length: 40 }, () => TEXTS[5]).join(' ')), 'ru');
});
