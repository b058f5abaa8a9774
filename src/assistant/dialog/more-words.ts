/**
 * "more", "go on", "read the rest": the answer to "Want to hear them?" in other words than yes. These
 * mean something only when a read offered more, so the dialog asks this only then (the understanding
 * alone rightly calls "next" or "continue" out of scope).
 */
const MORE = /^(more|(tell me|read|say|give me) (more|them|the rest|the others)|(read|hear) (them|the rest)( all)?|the rest|what else|go on|keep going|continue|next|and|and then|then what|what's next|anything else|others|the others)$/;

export function asksForMore(text: string): boolean {
  const t = text.toLowerCase().replace(/\b(please|ok|okay|alexa|just|yes|yeah|sure)\b/g, ' ').replace(/[?!.,]/g, '').replace(/\s+/g, ' ').trim();
  return MORE.test(t);
}
