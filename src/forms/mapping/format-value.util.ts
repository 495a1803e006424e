// How answers are written on German forms: dates TT.MM.JJJJ, money 1.234,56, yes/no ja/nein.

const MONEY = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const NUMBER = new Intl.NumberFormat('de-DE', { useGrouping: false, maximumFractionDigits: 10 });

/** "2019-04-02" -> "02.04.2019"; pattern tokens TT, MM, JJJJ, JJ (e.g. "MM.JJJJ" -> "04.2019"). */
export function formatDate(isoDate: string, pattern = 'TT.MM.JJJJ'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) {
    return isoDate;
  }
  const [, year, month, day] = match;
  return pattern.replace(/JJJJ|JJ|MM|TT/g, (token) =>
    token === 'JJJJ' ? year : token === 'JJ' ? year.slice(2) : token === 'MM' ? month : day,
  );
}

/** 1234.5 -> "1.234,50" */
export function formatMoney(euros: number): string {
  return MONEY.format(euros);
}

/** 2.5 -> "2,5" */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

export function formatYesNo(value: boolean): string {
  return value ? 'ja' : 'nein';
}
