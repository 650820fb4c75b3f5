import { detectNames, maskIdentifiers, maskLetterForPublication, remainingPersonalData } from '../../bff/src/modules/mailbox/publish-masking';
import { publicationCorpus } from './fixtures/publication-corpus';

/** The public copy of each letter in a hand-written corpus, exactly; plus the rules one by one. */
describe('masking letters for 信件选登', () => {
  it('has a corpus of at least 50 letters with replies', () => {
    expect(publicationCorpus.length).toBeGreaterThanOrEqual(50);
    expect(new Set(publicationCorpus.map((letter) => letter.name)).size).toBe(publicationCorpus.length);
  });

  it.each(publicationCorpus.map((letter) => [letter.name, letter] as const))('%s', (_name, letter) => {
    const masked = maskLetterForPublication({ title: letter.title, body: letter.body, reply: letter.reply }, letter.knownNames ?? []);
    expect({ title: masked.title, body: masked.body, reply: masked.reply }).toEqual(letter.expected);
  });
});
