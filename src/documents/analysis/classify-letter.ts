import { countPhrase, tokenize } from './keyword-match.util';
import type { Authority, LetterType } from './letter-analysis.types';
import type { LetterText } from './letter-text';

type Keywords<T extends string> = Record<Exclude<T, 'other'>, Array<[phrase: string, weight: number]>>;

const AUTHORITY_KEYWORDS: Keywords<Authority> = {
  familienkasse: [
    ['familienkasse', 5],
    ['kindergeldnummer', 2],
    ['kindergeld', 1],
  ],
  jobcenter: [
    ['jobcenter', 5],
    ['burgergeld', 2],
    ['bedarfsgemeinschaft', 2],
    ['grundsicherung fur arbeitsuchende', 3],
    ['sgb ii', 1],
  ],
  wohngeldstelle: [
    ['wohngeldstelle', 5],
    ['wohngeldbehorde', 5],
    ['wohngeld', 2],
    ['wohngeldgesetz', 2],
    ['wogg', 2],
  ],
  unterhaltsvorschusskasse: [
    ['unterhaltsvorschusskasse', 5],
    ['unterhaltsvorschussstelle', 5],
    ['unterhaltsvorschuss', 2],
    ['unterhaltsvorschussgesetz', 2],
    ['uvg', 2],
  ],
  elterngeldstelle: [
    ['elterngeldstelle', 5],
    ['elterngeld', 2],
    ['beeg', 2],
  ],
  'but-stelle': [
    ['bildung und teilhabe', 4],
    ['bildungs und teilhabe', 4],
    ['teilhabepaket', 3],
    ['but stelle', 5],
  ],
};

const LETTER_TYPE_KEYWORDS: Keywords<LetterType> = {
  mitwirkung: [
    ['mitwirkung', 4],
    ['mitwirkungspflicht', 3],
    ['fehlende unterlagen', 3],
    ['folgende unterlagen', 2],
    ['bitte senden sie uns', 2],
    ['60 sgb i', 1],
    ['66 sgb i', 1],
  ],
  bewilligung: [
    ['bewilligungsbescheid', 4],
    ['bewilligung', 3],
    ['bewilligt', 2],
    ['festsetzung', 2],
    ['festgesetzt', 2],
  ],
  ablehnung: [
    ['ablehnungsbescheid', 4],
    ['ablehnung', 4],
    ['abgelehnt', 3],
    ['lehnen', 2],
  ],
  rueckforderung: [
    ['ruckforderung', 4],
    ['erstattungsbescheid', 4],
    ['uberzahlung', 3],
    ['zuruckzahlen', 3],
    ['zu erstatten', 2],
    ['erstattung', 2],
  ],
  einladung: [
    ['einladung', 4],
    ['meldeaufforderung', 4],
    ['laden sie', 2],
    ['termin', 1],
  ],
  anhoerung: [
    ['anhorung', 4],
    ['stellungnahme', 2],
    ['24 sgb x', 2],
    ['91 ao', 2],
  ],
  weiterbewilligung: [
    ['weiterbewilligung', 5],
    ['weiterbewilligungsantrag', 5],
    ['weiterbewilligt', 4],
    ['folgeantrag', 2],
  ],
};

/** Weights of the letter's zones: the subject says what the letter is, the letterhead who wrote it. */
const ZONE_WEIGHT = { head: 2, subject: 3, body: 1 } as const;

export interface LetterZones {
  head: string[];
  subject: string[];
  body: string[];
}

/**
 * Splits the letter into letterhead (upper part of page 1 up to the address), subject (lines between
 * the address and the salutation) and body (the rest), each as a token list.
 */
export function letterZones(letter: LetterText): LetterZones {
  const zones: LetterZones = { head: [], subject: [], body: [] };
  const firstPage = letter.pageSizes.get(1);
  const salutation = letter.lines.findIndex((line) =>
    /^(?:sehr geehrte|guten tag|hallo)/i.test(line.text.trim()),
  );
  for (const [index, line] of letter.lines.entries()) {
    const tokens = tokenize(line.text);
    const y = line.words[0]?.word.box[1] ?? 0;
    if (line.page === 1 && firstPage && y < firstPage.height * 0.12) {
      zones.head.push(...tokens);
    } else if (
      salutation >= 0 &&
      index < salutation &&
      index >= salutation - 3 &&
      line.page === letter.lines[salutation].page
    ) {
      zones.subject.push(...tokens);
    } else if (line.page === 1 && firstPage && y < firstPage.height * 0.3) {
      zones.head.push(...tokens);
    } else {
      zones.body.push(...tokens);
    }
  }
  return zones;
}

function bestCategory<T extends string>(
  zones: LetterZones,
  keywords: Keywords<T>,
  minimum: number,
): T | 'other' {
  let best: T | 'other' = 'other';
  let bestScore = minimum - 1;
  for (const [category, phrases] of Object.entries(keywords) as Array<[T, Array<[string, number]>]>) {
    let score = 0;
    for (const [phrase, weight] of phrases) {
      for (const zone of ['head', 'subject', 'body'] as const) {
        // Repetition in the body adds little: cap each phrase's count per zone.
        score += Math.min(countPhrase(zones[zone], phrase), 3) * weight * ZONE_WEIGHT[zone];
      }
    }
    if (score > bestScore) {
      best = category;
      bestScore = score;
    }
  }
  return best;
}

export function classifyAuthority(zones: LetterZones): Authority {
  return bestCategory<Authority>(zones, AUTHORITY_KEYWORDS, 6);
}

export function classifyLetterType(zones: LetterZones): LetterType {
  return bestCategory<LetterType>(zones, LETTER_TYPE_KEYWORDS, 4);
}
