/** `s` as a pattern that matches exactly `s` (for names and words said by people, built into a RegExp). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
