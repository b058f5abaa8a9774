/** The answer to "Which Bob do you mean?": a position or the words of a name, never a guess. */

const ORDINALS: Readonly<Record<string, number>> = { first: 0, '1st': 0, second: 1, '2nd': 1, third: 2, '3rd': 2, fourth: 3, '4th': 3, fifth: 4, '5th': 4 };
const FILLER = new Set(['i', 'mean', 'meant', 'the', 'a', 'please', 'him', 'her', 'them', 'it', 'is', 'its', "it's", 'that', 'one', 'yes', 'no', 'from', 'in', 'with', 'oh', 'um', 'sorry', 'actually', 'invite', 'add', 'person', 'guy', 'just', 'only']);

/**
 * Which of the offered people an answer names: "the second one" or "the last one" by position (as they
 * were read out), else by whole words of their name or address ("Bob Smith", "smith", "bob@contoso.com";
 * "smith" is not "Smithers"). None when the answer fits several or nobody: the question is asked again,
 * never guessed.
 */
export function chooseCandidate<T extends { readonly name: string; readonly email: string }>(answer: string, candidates: readonly T[]): T | undefined {
  const said = answer.toLowerCase().split(/[^a-z0-9@.'_-]+/).map((w) => w.replace(/^[.'-]+|[.'-]+$/g, '')).filter(Boolean);
  if (/^(the )?last( one)?$/.test(said.filter((w) => !FILLER.has(w) || w === 'the' || w === 'one').join(' '))) return candidates[candidates.length - 1];
  const positions = [...new Set(said.filter((w) => w in ORDINALS).map((w) => ORDINALS[w]!))];
  const named = said.filter((w) => !FILLER.has(w) && !(w in ORDINALS));
  if (named.length === 0) return positions.length === 1 ? candidates[positions[0]!] : undefined;
  const wordsOf = (c: T) => new Set([...`${c.name} ${c.email.split('@')[0]}`.toLowerCase().split(/[^a-z0-9']+/), c.email.toLowerCase()]);
  const fits = candidates.filter((c) => {
    const theirs = wordsOf(c);
    return named.every((w) => theirs.has(w));
  });
  if (fits.length === 1) return fits[0];
  // "Fishbowl" to "Fishbowl, or Fishbowl Annex?": the one whose whole name was said.
  const whole = fits.filter((c) => c.name.toLowerCase().split(/[^a-z0-9']+/).filter(Boolean).join(' ') === named.join(' '));
  return whole.length === 1 ? whole[0] : undefined;
}
