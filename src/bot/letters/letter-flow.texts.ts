import type { InterviewLocale } from '../../interview/interview-state.types';

/** What the family reads while and after a letter is read; German first. `{pages}`, `{done}` fill in. */
export const letterFlowTexts = {
  reading: {
    de: 'Ich lese Ihren Brief … Das kann eine Minute dauern. Sie können inzwischen weiterschreiben.',
    en: 'I am reading your letter … This can take a minute. You can keep writing meanwhile.',
    tr: 'Mektubunuzu okuyorum … Bu bir dakika sürebilir. Bu arada yazmaya devam edebilirsiniz.',
    ar: 'أقرأ رسالتك … قد يستغرق ذلك دقيقة. يمكنك متابعة الكتابة في هذه الأثناء.',
    uk: 'Я читаю ваш лист … Це може тривати хвилину. Тим часом ви можете писати далі.',
    ru: 'Я читаю ваше письмо … Это может занять минуту. Пока вы можете писать дальше.',
  },
  progress: {
    de: 'Ich lese noch: Seite {done} von {pages} ist fertig.',
    en: 'Still reading: page {done} of {pages} is done.',
    tr: 'Hâlâ okuyorum: {pages} sayfadan {done}. sayfa bitti.',
    ar: 'ما زلت أقرأ: انتهت الصفحة {done} من {pages}.',
    uk: 'Ще читаю: сторінка {done} з {pages} готова.',
    ru: 'Ещё читаю: страница {done} из {pages} готова.',
  },
  busy: {
    de: 'Gerade lesen viele Briefe, bitte in ein paar Minuten nochmal senden.',
    en: 'Many letters are being read right now. Please send it again in a few minutes.',
    tr: 'Şu anda çok sayıda mektup okunuyor. Lütfen birkaç dakika sonra tekrar gönderin.',
    ar: 'تتم الآن قراءة رسائل كثيرة. يرجى الإرسال مرة أخرى بعد بضع دقائق.',
    uk: 'Зараз читається багато листів. Будь ласка, надішліть ще раз за кілька хвилин.',
    ru: 'Сейчас читается много писем. Пожалуйста, отправьте ещё раз через несколько минут.',
  },
  failed: {
    de: 'Ich konnte den Brief leider nicht lesen. Bitte senden Sie ein neues, scharfes Foto.',
    en: 'Sorry, I could not read the letter. Please send a new, sharp photo.',
    tr: 'Maalesef mektubu okuyamadım. Lütfen yeni ve net bir fotoğraf gönderin.',
    ar: 'عذرًا، لم أستطع قراءة الرسالة. يرجى إرسال صورة جديدة وواضحة.',
    uk: 'На жаль, я не зміг прочитати лист. Будь ласка, надішліть нове чітке фото.',
    ru: 'К сожалению, я не смог прочитать письмо. Пожалуйста, отправьте новое чёткое фото.',
  },
  proposalsIntro: {
    de: 'Ich habe im Brief Angaben für Ihren Antrag gefunden. Ich frage Sie nach und nach, ob sie stimmen.',
    en: 'I found details for your application in the letter. I will ask you one by one whether they are right.',
    tr: 'Mektupta başvurunuz için bilgiler buldum. Doğru olup olmadıklarını sırayla size soracağım.',
    ar: 'وجدت في الرسالة معلومات لطلبك. سأسألك عنها واحدة تلو الأخرى إن كانت صحيحة.',
    uk: 'Я знайшов у листі дані для вашої заяви. Я по черзі запитаю вас, чи вони правильні.',
    ru: 'Я нашёл в письме данные для вашего заявления. Я по очереди спрошу вас, верны ли они.',
  },
} satisfies Record<string, Record<InterviewLocale, string>>;

export type LetterFlowTextKey = keyof typeof letterFlowTexts;

export function letterFlowText(
  key: LetterFlowTextKey,
  locale: InterviewLocale,
  values: Record<string, string | number> = {},
): string {
  const template: string = letterFlowTexts[key][locale] ?? letterFlowTexts[key].de;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
