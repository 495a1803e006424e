/** Text shown to people: German first (always present), English and other languages optional. */
export type LocalizedText = { de: string; en?: string } & { [language: string]: string | undefined };
