// Whole messages that are commands, in German, English, Turkish, Arabic, Ukrainian and Russian.
// A message is a command only when all of it (after folding and courtesy words) is one of these.

// prettier-ignore
export const COMMANDS = [
  'help', 'back', 'skip', 'dont-know', 'pause', 'cancel', 'human', 'change', 'language', 'summary', 'restart',
] as const;

export type CommandName = (typeof COMMANDS)[number];

// prettier-ignore
export const COMMAND_PHRASES: Record<Exclude<CommandName, 'language'>, readonly string[]> = {
  help: ['hilfe', 'ich brauche hilfe', 'was ist das', 'was bedeutet das', 'was heißt das', 'ich verstehe nicht',
    'verstehe ich nicht', 'versteh ich nicht', 'help', 'what is this', 'what does this mean', 'i dont understand',
    'yardım', 'anlamadım', 'ne demek', 'مساعدة', 'لا أفهم', 'допомога', 'не розумію', 'помощь', 'помогите', 'не понимаю'],
  back: ['zurück', 'einen schritt zurück', 'vorherige frage', 'back', 'go back', 'previous', 'geri', 'geri dön',
    'رجوع', 'назад'],
  skip: ['überspringen', 'weiter ohne antwort', 'skip', 'atla', 'geç', 'تخطي', 'пропустити', 'пропустить'],
  'dont-know': ['weiß nicht', 'weiß ich nicht', 'ich weiß nicht', 'ich weiß es nicht', 'keine ahnung', 'dont know',
    'i dont know', 'no idea', 'bilmiyorum', 'لا أعرف', 'لا اعرف', 'не знаю'],
  pause: ['pause', 'später weiter', 'später', 'mache später weiter', 'later', 'continue later', 'sonra', 'daha sonra',
    'لاحقا', 'пізніше', 'позже', 'потом'],
  cancel: ['abbrechen', 'stopp', 'stop', 'cancel', 'iptal', 'إلغاء', 'скасувати', 'отмена', 'отменить'],
  human: ['mensch', 'mit einem menschen sprechen', 'ich möchte mit einem menschen sprechen', 'kümmerer',
    'mit dem kümmerer sprechen', 'berater', 'beraterin', 'human', 'agent', 'talk to a human', 'real person', 'insan',
    'temsilci', 'إنسان', 'موظف', 'людина', 'оператор', 'человек'],
  change: ['ändern', 'korrigieren', 'bearbeiten', 'change', 'edit', 'değiştir', 'düzelt', 'تغيير',
    'змінити', 'редагувати', 'изменить', 'исправить'],
  summary: ['übersicht', 'zusammenfassung', 'meine antworten', 'summary', 'overview', 'my answers', 'özet', 'ملخص',
    'підсумок', 'огляд', 'сводка', 'итог'],
  restart: ['neu starten', 'neustart', 'von vorne', 'von vorn', 'nochmal von vorne', 'restart', 'start over',
    'baştan başla', 'yeniden başla', 'من البداية', 'почати спочатку', 'спочатку', 'заново', 'начать заново'],
};

/** Language names and the locale each one switches to. */
export const LANGUAGE_NAMES: Record<string, readonly string[]> = {
  de: ['deutsch', 'german', 'almanca', 'الألمانية', 'німецька', 'немецкий'],
  en: ['english', 'englisch', 'ingilizce', 'الإنجليزية', 'англійська', 'английский'],
  tr: ['türkçe', 'türkisch', 'turkish'],
  ar: ['العربية', 'عربي', 'arabisch', 'arabic', 'arapça'],
  uk: ['українська', 'ukrainisch', 'ukrainian'],
  ru: ['русский', 'russisch', 'russian', 'русский язык'],
};

/** Words that ask for another language without naming one. */
// prettier-ignore
export const LANGUAGE_WORDS: readonly string[] = ['sprache', 'sprache ändern', 'language', 'change language', 'dil',
  'اللغة', 'мова', 'язык'];

// Politeness and lead-in words that may surround a command: "bitte zurück", "help please", "auf Deutsch".
// prettier-ignore
export const COURTESY_WORDS: readonly string[] = ['bitte', 'please', 'lütfen', 'пожалуйста', 'будь ласка',
  'من فضلك', 'auf', 'in', 'ich will', 'ich möchte'];
