import { InterviewLocale } from '../interview/interview-state.types';

type Texts = Record<InterviewLocale, string>;

/**
 * Texts the bot itself says (the interview's texts live in src/interview/texts).
 * Plain, short sentences; German first. `{name}` placeholders are filled by botText().
 */
export const botTexts = {
  turnFailed: {
    de: 'Entschuldigung, da ist etwas schiefgegangen. Ihre Antworten bis hierher sind gespeichert. Bitte schreiben Sie Ihre letzte Nachricht noch einmal.',
    en: 'Sorry, something went wrong. Your answers so far are saved. Please send your last message again.',
    tr: 'Üzgünüz, bir sorun oluştu. Şimdiye kadarki cevaplarınız kaydedildi. Lütfen son mesajınızı tekrar yazın.',
    ar: 'عذرًا، حدث خطأ ما. إجاباتك حتى الآن محفوظة. يُرجى إرسال رسالتك الأخيرة مرة أخرى.',
    uk: 'Вибачте, щось пішло не так. Ваші відповіді досі збережено. Будь ласка, надішліть своє останнє повідомлення ще раз.',
    ru: 'Извините, что-то пошло не так. Ваши ответы до этого момента сохранены. Пожалуйста, отправьте своё последнее сообщение ещё раз.',
  },
  documentSaved: {
    de: 'Danke, ich habe Ihr Dokument gespeichert.',
    en: 'Thank you, I have saved your document.',
    tr: 'Teşekkürler, belgenizi kaydettim.',
    ar: 'شكرًا، لقد حفظتُ مستندك.',
    uk: 'Дякую, я зберіг ваш документ.',
    ru: 'Спасибо, я сохранил ваш документ.',
  },
  documentsSaved: {
    de: 'Danke, ich habe Ihre {count} Dokumente gespeichert.',
    en: 'Thank you, I have saved your {count} documents.',
    tr: 'Teşekkürler, {count} belgenizi kaydettim.',
    ar: 'شكرًا، لقد حفظتُ مستنداتك ({count}).',
    uk: 'Дякую, я зберіг ваші документи ({count}).',
    ru: 'Спасибо, я сохранил ваши документы ({count}).',
  },
  documentTooLarge: {
    de: 'Die Datei ist zu groß. Bitte schicken Sie Dateien bis {megabytes} MB. Tipp: Fotografieren Sie jede Seite einzeln.',
    en: 'The file is too large. Please send files of up to {megabytes} MB. Tip: take a photo of each page on its own.',
    tr: 'Dosya çok büyük. Lütfen en fazla {megabytes} MB büyüklüğünde dosya gönderin. İpucu: Her sayfanın ayrı fotoğrafını çekin.',
    ar: 'الملف كبير جدًا. يُرجى إرسال ملفات حتى {megabytes} ميغابايت. نصيحة: صوِّر كل صفحة على حدة.',
    uk: 'Файл завеликий. Будь ласка, надсилайте файли до {megabytes} МБ. Порада: фотографуйте кожну сторінку окремо.',
    ru: 'Файл слишком большой. Пожалуйста, отправляйте файлы до {megabytes} МБ. Совет: фотографируйте каждую страницу отдельно.',
  },
  documentTypeNotAllowed: {
    de: 'Diese Datei kann ich nicht annehmen. Bitte schicken Sie ein Foto (JPG oder PNG) oder eine PDF-Datei.',
    en: 'I cannot accept this file. Please send a photo (JPG or PNG) or a PDF file.',
    tr: 'Bu dosyayı kabul edemiyorum. Lütfen bir fotoğraf (JPG veya PNG) ya da PDF dosyası gönderin.',
    ar: 'لا يمكنني قبول هذا الملف. يُرجى إرسال صورة (JPG أو PNG) أو ملف PDF.',
    uk: 'Я не можу прийняти цей файл. Будь ласка, надішліть фото (JPG або PNG) або файл PDF.',
    ru: 'Я не могу принять этот файл. Пожалуйста, отправьте фото (JPG или PNG) или файл PDF.',
  },
  documentNotReceived: {
    de: 'Ich konnte die Datei nicht empfangen. Bitte schicken Sie sie noch einmal.',
    en: 'I could not receive the file. Please send it again.',
    tr: 'Dosyayı alamadım. Lütfen tekrar gönderin.',
    ar: 'لم أتمكن من استلام الملف. يُرجى إرساله مرة أخرى.',
    uk: 'Я не зміг отримати файл. Будь ласка, надішліть його ще раз.',
    ru: 'Я не смог получить файл. Пожалуйста, отправьте его ещё раз.',
  },
  documentBeforeConsent: {
    de: 'Bitte stimmen Sie zuerst dem Datenschutz-Hinweis zu. Danach können Sie Dokumente schicken.',
    en: 'Please agree to the privacy notice first. After that you can send documents.',
    tr: 'Lütfen önce gizlilik bildirimini onaylayın. Ardından belge gönderebilirsiniz.',
    ar: 'يُرجى الموافقة على إشعار الخصوصية أولًا. بعد ذلك يمكنك إرسال المستندات.',
    uk: 'Будь ласка, спочатку погодьтеся з повідомленням про захист даних. Після цього можна надсилати документи.',
    ru: 'Пожалуйста, сначала согласитесь с уведомлением о защите данных. После этого можно отправлять документы.',
  },
  resumeCode: {
    de: 'Ihr Code zum Weitermachen: {code}\nSchreiben Sie ihn auf. Damit und mit Ihrem Geburtsdatum können Sie auch auf einem anderen Gerät weitermachen. Schreiben Sie dort: weiter {code}',
    en: 'Your code to continue: {code}\nWrite it down. With it and your date of birth you can also continue on another device. Write there: continue {code}',
    tr: 'Devam etme kodunuz: {code}\nBu kodu not edin. Bu kod ve doğum tarihinizle başka bir cihazda da devam edebilirsiniz. Orada şunu yazın: weiter {code}',
    ar: 'رمز المتابعة الخاص بك: {code}\nاكتبه في مكان آمن. بهذا الرمز وتاريخ ميلادك يمكنك المتابعة على جهاز آخر أيضًا. اكتب هناك: weiter {code}',
    uk: 'Ваш код для продовження: {code}\nЗапишіть його. З ним і вашою датою народження можна продовжити і на іншому пристрої. Напишіть там: weiter {code}',
    ru: 'Ваш код для продолжения: {code}\nЗапишите его. С ним и вашей датой рождения можно продолжить и на другом устройстве. Напишите там: weiter {code}',
  },
  pauseSameBrowser: {
    de: 'Sie können später in diesem Browser weitermachen. Einen Code für ein anderes Gerät bekommen Sie, sobald Sie Ihr Geburtsdatum angegeben haben.',
    en: 'You can continue later in this browser. You will get a code for another device as soon as you have given your date of birth.',
    tr: 'Daha sonra bu tarayıcıda devam edebilirsiniz. Doğum tarihinizi yazdıktan sonra başka bir cihaz için bir kod alırsınız.',
    ar: 'يمكنك المتابعة لاحقًا في هذا المتصفح. ستحصل على رمز لجهاز آخر بعد أن تكتب تاريخ ميلادك.',
    uk: 'Ви можете продовжити пізніше в цьому браузері. Код для іншого пристрою ви отримаєте, щойно вкажете дату народження.',
    ru: 'Вы можете продолжить позже в этом браузере. Код для другого устройства вы получите, как только укажете дату рождения.',
  },
  resumeAskCode: {
    de: 'Bitte schreiben Sie Ihren Code zum Weitermachen. Er hat 8 Zeichen, zum Beispiel K7QX-M4TA.',
    en: 'Please write your code to continue. It has 8 characters, for example K7QX-M4TA.',
    tr: 'Lütfen devam etme kodunuzu yazın. Kod 8 karakterlidir, örneğin K7QX-M4TA.',
    ar: 'يُرجى كتابة رمز المتابعة. يتكون من 8 رموز، مثل K7QX-M4TA.',
    uk: 'Будь ласка, напишіть ваш код для продовження. Він має 8 знаків, наприклад K7QX-M4TA.',
    ru: 'Пожалуйста, напишите ваш код для продолжения. В нём 8 знаков, например K7QX-M4TA.',
  },
  resumeAskBirthDate: {
    de: 'Danke. Bitte schreiben Sie zur Sicherheit Ihr Geburtsdatum, zum Beispiel 14.03.1986.',
    en: 'Thank you. For your security, please write your date of birth, for example 14.03.1986.',
    tr: 'Teşekkürler. Güvenliğiniz için lütfen doğum tarihinizi yazın, örneğin 14.03.1986.',
    ar: 'شكرًا. لأمانك، يُرجى كتابة تاريخ ميلادك، مثل 14.03.1986.',
    uk: 'Дякую. Для безпеки напишіть, будь ласка, вашу дату народження, наприклад 14.03.1986.',
    ru: 'Спасибо. Для безопасности напишите, пожалуйста, вашу дату рождения, например 14.03.1986.',
  },
  resumeBirthDateUnclear: {
    de: 'Das habe ich nicht als Datum erkannt. Bitte schreiben Sie es so: 14.03.1986.',
    en: 'I did not recognise that as a date. Please write it like this: 14.03.1986.',
    tr: 'Bunu tarih olarak anlayamadım. Lütfen şöyle yazın: 14.03.1986.',
    ar: 'لم أتعرف على هذا كتاريخ. يُرجى كتابته هكذا: 14.03.1986.',
    uk: 'Я не розпізнав це як дату. Будь ласка, напишіть так: 14.03.1986.',
    ru: 'Я не распознал это как дату. Пожалуйста, напишите так: 14.03.1986.',
  },
  resumeInvalid: {
    de: 'Code oder Geburtsdatum stimmen nicht. Bitte prüfen Sie beides und schreiben Sie noch einmal: weiter und Ihren Code.',
    en: 'The code or the date of birth is not right. Please check both and write again: continue and your code.',
    tr: 'Kod veya doğum tarihi doğru değil. Lütfen ikisini de kontrol edip tekrar yazın: weiter ve kodunuz.',
    ar: 'الرمز أو تاريخ الميلاد غير صحيح. يُرجى التحقق منهما والكتابة مرة أخرى: weiter ثم الرمز.',
    uk: 'Код або дата народження неправильні. Перевірте, будь ласка, обидва й напишіть ще раз: weiter і ваш код.',
    ru: 'Код или дата рождения неверны. Пожалуйста, проверьте оба и напишите ещё раз: weiter и ваш код.',
  },
  resumeLocked: {
    de: 'Es gab zu viele falsche Versuche. Zu Ihrem Schutz ist das Weitermachen gesperrt. Bitte wenden Sie sich an Ihr Familienbüro.',
    en: 'There were too many wrong tries. For your protection, continuing is locked. Please contact your family office.',
    tr: 'Çok fazla hatalı deneme oldu. Sizi korumak için devam etme engellendi. Lütfen aile bürosuna başvurun.',
    ar: 'كانت هناك محاولات خاطئة كثيرة. لحمايتك تم إيقاف المتابعة. يُرجى التواصل مع مكتب الأسرة.',
    uk: 'Було забагато неправильних спроб. Для вашого захисту продовження заблоковано. Зверніться, будь ласка, до сімейного бюро.',
    ru: 'Было слишком много неверных попыток. Для вашей защиты продолжение заблокировано. Пожалуйста, обратитесь в семейное бюро.',
  },
  resumeExpired: {
    de: 'Dieser Code gilt nicht mehr. Wir können hier neu anfangen. Oder wenden Sie sich an Ihr Familienbüro.',
    en: 'This code is no longer valid. We can start again here. Or contact your family office.',
    tr: 'Bu kod artık geçerli değil. Burada yeniden başlayabiliriz. Ya da aile bürosuna başvurun.',
    ar: 'هذا الرمز لم يعد صالحًا. يمكننا البدء من جديد هنا. أو تواصل مع مكتب الأسرة.',
    uk: 'Цей код більше не дійсний. Ми можемо почати тут заново. Або зверніться до сімейного бюро.',
    ru: 'Этот код больше не действует. Мы можем начать здесь заново. Или обратитесь в семейное бюро.',
  },
  resumeNotHere: {
    de: 'Sie haben hier schon angefangen. Einen Code können Sie nur in einem neuen Gespräch eingeben.',
    en: 'You have already started here. You can only enter a code in a new conversation.',
    tr: 'Burada zaten başladınız. Kodu yalnızca yeni bir sohbette girebilirsiniz.',
    ar: 'لقد بدأت هنا بالفعل. يمكنك إدخال الرمز في محادثة جديدة فقط.',
    uk: 'Ви вже почали тут. Код можна ввести лише в новій розмові.',
    ru: 'Вы уже начали здесь. Код можно ввести только в новом разговоре.',
  },
  resumeDone: {
    de: 'Willkommen zurück! Wir machen da weiter, wo Sie aufgehört haben.',
    en: 'Welcome back! We continue where you left off.',
    tr: 'Tekrar hoş geldiniz! Kaldığınız yerden devam ediyoruz.',
    ar: 'مرحبًا بعودتك! سنتابع من حيث توقفت.',
    uk: 'З поверненням! Продовжуємо з того місця, де ви зупинилися.',
    ru: 'С возвращением! Продолжаем с того места, где вы остановились.',
  },
  resumeButton: {
    de: 'Fortsetzen mit Code',
    en: 'Continue with code',
    tr: 'Kodla devam et',
    ar: 'المتابعة بالرمز',
    uk: 'Продовжити з кодом',
    ru: 'Продолжить с кодом',
  },
  replyForwarded: {
    de: 'Danke! Ich habe Ihre Nachricht an Ihre Ansprechperson weitergegeben.',
    en: 'Thank you! I have passed your message on to your contact person.',
    tr: 'Teşekkürler! Mesajınızı ilgili kişiye ilettim.',
    ar: 'شكرًا! لقد أرسلتُ رسالتك إلى الشخص المسؤول عنك.',
    uk: 'Дякую! Я передав ваше повідомлення вашій контактній особі.',
    ru: 'Спасибо! Я передал ваше сообщение вашему контактному лицу.',
  },
  askBackIntro: {
    de: 'Ihre Ansprechperson hat eine Frage an Sie:',
    en: 'Your contact person has a question for you:',
    tr: 'İlgili kişinin size bir sorusu var:',
    ar: 'لدى الشخص المسؤول عنك سؤال لك:',
    uk: 'Ваша контактна особа має до вас запитання:',
    ru: 'У вашего контактного лица есть к вам вопрос:',
  },
  /** Above the questions a Kümmerer's "fragen Sie die Familie" fills in (the workspace, not the bot, uses it). */
  askBackMissing: {
    de: 'Wir brauchen noch diese Angaben von Ihnen:',
    en: 'We still need these details from you:',
    tr: 'Sizden şu bilgilere daha ihtiyacımız var:',
    ar: 'ما زلنا نحتاج منك هذه المعلومات:',
    uk: 'Нам ще потрібні від вас ці дані:',
    ru: 'Нам ещё нужны от вас эти данные:',
  },
  askBackHowToReply: {
    de: 'Bitte antworten Sie einfach hier im Chat.',
    en: 'Please simply reply here in the chat.',
    tr: 'Lütfen buradan, sohbette cevap verin.',
    ar: 'يُرجى الرد هنا في المحادثة.',
    uk: 'Будь ласка, просто відповідайте тут, у чаті.',
    ru: 'Пожалуйста, просто ответьте здесь, в чате.',
  },
  reminderWaiting: {
    de: 'Erinnerung: Ihre Ansprechperson wartet noch auf Ihre Antwort. Bitte antworten Sie hier im Chat.',
    en: 'Reminder: your contact person is still waiting for your answer. Please reply here in the chat.',
    tr: 'Hatırlatma: İlgili kişi hâlâ cevabınızı bekliyor. Lütfen buradan, sohbette cevap verin.',
    ar: 'تذكير: الشخص المسؤول عنك لا يزال ينتظر ردك. يُرجى الرد هنا في المحادثة.',
    uk: 'Нагадування: ваша контактна особа ще чекає на вашу відповідь. Будь ласка, відповідайте тут, у чаті.',
    ru: 'Напоминание: ваше контактное лицо всё ещё ждёт вашего ответа. Пожалуйста, ответьте здесь, в чате.',
  },
  reminderLetterDeadline: {
    de: 'Erinnerung: Bald endet die Frist aus Ihrem Brief. Bitte denken Sie daran. Fragen Sie hier im Chat, wenn Sie Hilfe brauchen.',
    en: 'Reminder: the deadline from your letter ends soon. Please keep it in mind. Ask here in the chat if you need help.',
    tr: 'Hatırlatma: Mektubunuzdaki süre yakında doluyor. Lütfen unutmayın. Yardıma ihtiyacınız olursa buradan sorun.',
    ar: 'تذكير: المهلة المذكورة في رسالتك تنتهي قريبًا. يرجى تذكّر ذلك. اسأل هنا في المحادثة إذا احتجت إلى مساعدة.',
    uk: 'Нагадування: термін із вашого листа скоро закінчується. Будь ласка, пам’ятайте про це. Питайте тут у чаті, якщо потрібна допомога.',
    ru: 'Напоминание: срок из вашего письма скоро истекает. Пожалуйста, помните об этом. Спрашивайте здесь в чате, если нужна помощь.',
  },
  progress: {
    de: 'Frage {current} von etwa {total}',
    en: 'Question {current} of about {total}',
    tr: 'Soru {current} / yaklaşık {total}',
    ar: 'السؤال {current} من حوالي {total}',
    uk: 'Питання {current} з приблизно {total}',
    ru: 'Вопрос {current} из примерно {total}',
  },
  summaryHint: {
    de: 'Tippen Sie auf eine Angabe, um sie zu ändern.',
    en: 'Tap an answer to change it.',
    tr: 'Değiştirmek için bir cevaba dokunun.',
    ar: 'اضغط على إجابة لتغييرها.',
    uk: 'Торкніться відповіді, щоб її змінити.',
    ru: 'Нажмите на ответ, чтобы изменить его.',
  },
} satisfies Record<string, Texts>;

export type BotTextKey = keyof typeof botTexts;

/** The text in the locale, with `{name}` placeholders filled. */
export function botText(
  key: BotTextKey,
  locale: InterviewLocale,
  values: Record<string, string | number> = {},
): string {
  const template: string = botTexts[key][locale] ?? botTexts[key].de;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
