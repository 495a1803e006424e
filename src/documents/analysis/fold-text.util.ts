// Folding for keyword matching on OCR text: lower case, no diacritics (ä -> a, ş -> s, ı -> i), ß -> ss.
// OCR often loses umlaut dots, so "Rückforderung" and "Ruckforderung" must fold alike.
export function foldText(input: string): string {
  return input
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}
