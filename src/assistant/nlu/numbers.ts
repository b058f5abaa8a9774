/**
 * Spelled-out numbers, as SLURP writes them ("twenty fifth", "two thousand and seventeen", "five thirty"),
 * turned into digits so chrono can read them. Pure functions over lower-case words.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const ORDINAL_UNITS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
};
const ORDINAL_TEENS: Readonly<Record<string, number>> = {
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16,
  seventeenth: 17, eighteenth: 18, nineteenth: 19,
};
const ORDINAL_TENS: Readonly<Record<string, number>> = { twentieth: 20, thirtieth: 30 };

/** Is this word part of a spelled-out number (cardinal or ordinal)? */
export function isNumberWord(w: string): boolean {
  return w in UNITS || w in TEENS || w in TENS || w in ORDINAL_UNITS || w in ORDINAL_TEENS || w in ORDINAL_TENS ||
    w === 'hundred' || w === 'thousand';
}

/** A number read from consecutive words: its value, whether it is an ordinal, and how many words it used. */
export interface NumberRun {
  readonly value: number;
  readonly ordinal: boolean;
  readonly length: number;
}

function splitHyphen(w: string): string[] {
  return w.includes('-') ? w.split('-') : [w];
}

/**
 * Reads the longest number starting at `words[i]`: "twenty five", "twenty fifth", "two thousand and
 * seventeen", "one hundred and five". A unit after a unit ("five thirty") is not joined: that is a time.
 */
export function readNumber(words: readonly string[], i: number): NumberRun | undefined {
  let total = 0;
  let current = 0;
  let used = 0;
  let ordinal = false;
  let lastKind: 'none' | 'unit' | 'teen' | 'tens' | 'scale' = 'none';
  let j = i;
  while (j < words.length) {
    const parts = splitHyphen(words[j]!);
    let ok = true;
    let consumed = false;
    for (const w of parts) {
      if (ordinal) { ok = false; break; }
      if (w in UNITS && (lastKind === 'none' || lastKind === 'tens' || lastKind === 'scale')) {
        current += UNITS[w]!; lastKind = 'unit';
      } else if (w in ORDINAL_UNITS && (lastKind === 'none' || lastKind === 'tens' || lastKind === 'scale')) {
        current += ORDINAL_UNITS[w]!; lastKind = 'unit'; ordinal = true;
      } else if (w in TEENS && (lastKind === 'none' || lastKind === 'scale')) {
        current += TEENS[w]!; lastKind = 'teen';
      } else if (w in ORDINAL_TEENS && (lastKind === 'none' || lastKind === 'scale')) {
        current += ORDINAL_TEENS[w]!; lastKind = 'teen'; ordinal = true;
      } else if (w in TENS && (lastKind === 'none' || lastKind === 'scale')) {
        current += TENS[w]!; lastKind = 'tens';
      } else if (w in ORDINAL_TENS && (lastKind === 'none' || lastKind === 'scale')) {
        current += ORDINAL_TENS[w]!; lastKind = 'tens'; ordinal = true;
      } else if (w === 'hundred' && lastKind !== 'none' && lastKind !== 'scale' && current > 0 && current < 10) {
        current *= 100; lastKind = 'scale';
      } else if (w === 'thousand' && lastKind !== 'none' && current > 0) {
        total += current * 1000; current = 0; lastKind = 'scale';
      } else {
        ok = false; break;
      }
      consumed = true;
    }
    if (!ok || !consumed) break;
    used = j - i + 1;
    j++;
    // "two thousand and seventeen", "one hundred and five": "and" continues only after a scale word.
    if (lastKind === 'scale' && words[j] === 'and' && j + 1 < words.length && isNumberWord(words[j + 1]!)) j++;
  }
  if (used === 0) return undefined;
  return { value: total + current, ordinal, length: used };
}

export function ordinalSuffix(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  const last = n % 10;
  return `${n}${last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th'}`;
}

const NAMES = (table: Readonly<Record<string, number>>): Map<number, string> => new Map(Object.entries(table).map(([w, n]) => [n, w]));
const ORDINAL_NAME = new Map([...NAMES(ORDINAL_UNITS), ...NAMES(ORDINAL_TEENS), ...NAMES(ORDINAL_TENS)]);
const TENS_NAME = NAMES({ twenty: 20, thirty: 30 });

/** A day of the month as SLURP spells it: 5 -> ["fifth"], 24 -> ["twenty", "fourth"]; 1 to 31 only. */
export function spelledOrdinal(day: number): string[] | undefined {
  if (!Number.isInteger(day) || day < 1 || day > 31) return undefined;
  const whole = ORDINAL_NAME.get(day);
  if (whole) return [whole];
  return [TENS_NAME.get(day - (day % 10))!, ORDINAL_NAME.get(day % 10)!];
}
