/**
 * "Essen-Altendorf", "essen altendorf", "ESSEN–ALTENDORF" and "essen-altendorf" name the same team:
 * lower case, accents dropped, every run of other characters one hyphen. The chat page names its
 * team this way (channelData.team), and two teams may not share it (TeamsService).
 */
export function teamSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
