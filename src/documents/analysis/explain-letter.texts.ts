import type { Authority, LetterType } from './letter-analysis.types';

export const EXPLAIN_LOCALES = ['de', 'en', 'tr', 'ar', 'uk', 'ru'] as const;
export type ExplainLocale = (typeof EXPLAIN_LOCALES)[number];

export interface ExplainTexts {
  /** German: dative, it follows "von". */
  authority: Record<Authority, string>;
  /** {who} = authority name. */
  wrote: string;
  want: Record<LetterType, string>;
  /** {documents} = list of documents. */
  send: string;
  /** {date} {time} */
  appointment: string;
  /** {date} */
  deadline: string;
  /** {date}: a deadline computed from a period. */
  deadlineEstimated: string;
  noDeadline: string;
  /** {date} */
  validUntil: string;
  /** {amount} */
  amount: string;
  offerAnlageKind: string;
  offerObjection: string;
  offerRenewal: string;
  offerGeneral: string;
}

// Plain language: short sentences, one fact each. German first; the other languages say the same.
export const EXPLAIN_TEXTS: Record<ExplainLocale, ExplainTexts> = {
  de: {
    authority: {
      familienkasse: 'der Familienkasse',
      jobcenter: 'dem Jobcenter',
      wohngeldstelle: 'der Wohngeldstelle',
      unterhaltsvorschusskasse: 'der Unterhaltsvorschusskasse',
      elterngeldstelle: 'der Elterngeldstelle',
      'but-stelle': 'der Stelle für Bildung und Teilhabe',
      other: 'einem Amt',
    },
    wrote: 'Der Brief ist von {who}.',
    want: {
      mitwirkung: 'Das Amt braucht noch Unterlagen von Ihnen.',
      bewilligung: 'Gute Nachricht: Ihr Antrag ist bewilligt.',
      ablehnung: 'Das Amt hat Ihren Antrag abgelehnt.',
      rueckforderung: 'Das Amt will Geld von Ihnen zurück.',
      einladung: 'Sie haben einen Termin beim Amt.',
      anhoerung: 'Das Amt will etwas entscheiden. Vorher dürfen Sie Ihre Sicht sagen.',
      weiterbewilligung: 'Ihre Leistung endet bald. Sie müssen einen neuen Antrag stellen.',
      other: 'Ich habe nicht sicher erkannt, was das Amt will.',
    },
    send: 'Bitte schicken Sie: {documents}.',
    appointment: 'Der Termin ist am {date} um {time} Uhr. Bitte gehen Sie hin.',
    deadline: 'Ihre Frist: {date}.',
    deadlineEstimated:
      'Ihre Frist endet wahrscheinlich am {date}. Das habe ich berechnet. Handeln Sie lieber früher.',
    noDeadline: 'Ich habe keine Frist gefunden.',
    validUntil: 'Die Leistung gilt bis {date}.',
    amount: 'Betrag im Brief: {amount}.',
    offerAnlageKind: 'Soll ich mit Ihnen die Anlage Kind ausfüllen?',
    offerObjection: 'Sind Sie nicht einverstanden? Soll ich Ihre Beraterin oder Ihren Berater fragen?',
    offerRenewal: 'Soll ich Ihnen beim neuen Antrag helfen?',
    offerGeneral: 'Haben Sie eine Frage zu dem Brief? Schreiben Sie mir.',
  },
  en: {
    authority: {
      familienkasse: 'the Familienkasse (child benefit office)',
      jobcenter: 'the Jobcenter',
      wohngeldstelle: 'the housing benefit office',
      unterhaltsvorschusskasse: 'the child maintenance advance office',
      elterngeldstelle: 'the parental allowance office',
      'but-stelle': 'the education and participation office',
      other: 'an authority',
    },
    wrote: 'The letter is from {who}.',
    want: {
      mitwirkung: 'The office needs more documents from you.',
      bewilligung: 'Good news: your application was approved.',
      ablehnung: 'The office has refused your application.',
      rueckforderung: 'The office wants money back from you.',
      einladung: 'You have an appointment at the office.',
      anhoerung: 'The office wants to decide something. First you may give your view.',
      weiterbewilligung: 'Your benefit ends soon. You must apply again.',
      other: 'I could not tell for sure what the office wants.',
    },
    send: 'Please send: {documents}.',
    appointment: 'The appointment is on {date} at {time}. Please go there.',
    deadline: 'Your deadline: {date}.',
    deadlineEstimated: 'Your deadline probably ends on {date}. I calculated it. Better act earlier.',
    noDeadline: 'I found no deadline.',
    validUntil: 'The benefit is granted until {date}.',
    amount: 'Amount in the letter: {amount}.',
    offerAnlageKind: 'Shall we fill in the Anlage Kind form together?',
    offerObjection: 'Do you disagree? Shall I ask your adviser?',
    offerRenewal: 'Shall I help you with the new application?',
    offerGeneral: 'Do you have a question about the letter? Write to me.',
  },
  tr: {
    authority: {
      familienkasse: 'Familienkasse (çocuk parası dairesi)',
      jobcenter: 'Jobcenter',
      wohngeldstelle: 'konut yardımı dairesi',
      unterhaltsvorschusskasse: 'nafaka avansı dairesi',
      elterngeldstelle: 'ebeveyn parası dairesi',
      'but-stelle': 'eğitim ve katılım dairesi',
      other: 'bir resmi daire',
    },
    wrote: 'Mektup şuradan geldi: {who}.',
    want: {
      mitwirkung: 'Daire sizden belge istiyor.',
      bewilligung: 'İyi haber: başvurunuz onaylandı.',
      ablehnung: 'Daire başvurunuzu reddetti.',
      rueckforderung: 'Daire sizden para geri istiyor.',
      einladung: 'Dairede bir randevunuz var.',
      anhoerung: 'Daire bir karar verecek. Önce siz görüşünüzü söyleyebilirsiniz.',
      weiterbewilligung: 'Yardımınız yakında bitiyor. Yeniden başvurmanız gerekiyor.',
      other: 'Dairenin ne istediğini kesin anlayamadım.',
    },
    send: 'Lütfen şunları gönderin: {documents}.',
    appointment: 'Randevu {date} tarihinde, saat {time}. Lütfen gidin.',
    deadline: 'Son tarihiniz: {date}.',
    deadlineEstimated: 'Son tarihiniz muhtemelen {date}. Bunu ben hesapladım. Daha erken davranın.',
    noDeadline: 'Bir son tarih bulamadım.',
    validUntil: 'Yardım {date} tarihine kadar geçerli.',
    amount: 'Mektuptaki tutar: {amount}.',
    offerAnlageKind: 'Anlage Kind formunu birlikte dolduralım mı?',
    offerObjection: 'Katılmıyor musunuz? Danışmanınıza sorayım mı?',
    offerRenewal: 'Yeni başvuruda size yardım edeyim mi?',
    offerGeneral: 'Mektupla ilgili bir sorunuz var mı? Bana yazın.',
  },
  ar: {
    authority: {
      familienkasse: 'صندوق الأسرة (Familienkasse)',
      jobcenter: 'مركز العمل (Jobcenter)',
      wohngeldstelle: 'مكتب بدل السكن',
      unterhaltsvorschusskasse: 'مكتب سلفة النفقة',
      elterngeldstelle: 'مكتب إعانة الوالدين',
      'but-stelle': 'مكتب التعليم والمشاركة',
      other: 'جهة رسمية',
    },
    wrote: 'الرسالة من {who}.',
    want: {
      mitwirkung: 'المكتب يحتاج منك أوراقًا إضافية.',
      bewilligung: 'خبر جيد: تمت الموافقة على طلبك.',
      ablehnung: 'رفض المكتب طلبك.',
      rueckforderung: 'المكتب يطلب منك إرجاع مال.',
      einladung: 'لديك موعد في المكتب.',
      anhoerung: 'المكتب يريد أن يقرر أمرًا. قبل ذلك يمكنك أن تقول رأيك.',
      weiterbewilligung: 'إعانتك تنتهي قريبًا. يجب أن تقدم طلبًا جديدًا.',
      other: 'لم أفهم بشكل مؤكد ماذا يريد المكتب.',
    },
    send: 'من فضلك أرسل: {documents}.',
    appointment: 'الموعد يوم {date} الساعة {time}. من فضلك اذهب إليه.',
    deadline: 'آخر موعد لك: {date}.',
    deadlineEstimated: 'آخر موعد لك على الأرجح {date}. أنا حسبته. من الأفضل أن تتصرف قبل ذلك.',
    noDeadline: 'لم أجد موعدًا نهائيًا.',
    validUntil: 'الإعانة سارية حتى {date}.',
    amount: 'المبلغ في الرسالة: {amount}.',
    offerAnlageKind: 'هل نملأ معًا استمارة Anlage Kind؟',
    offerObjection: 'هل أنت غير موافق؟ هل أسأل المستشار الخاص بك؟',
    offerRenewal: 'هل أساعدك في الطلب الجديد؟',
    offerGeneral: 'هل لديك سؤال عن الرسالة؟ اكتب لي.',
  },
  uk: {
    authority: {
      familienkasse: 'Familienkasse (сімейна каса)',
      jobcenter: 'Jobcenter (центр зайнятості)',
      wohngeldstelle: 'відділ допомоги на житло',
      unterhaltsvorschusskasse: 'відділ авансу аліментів',
      elterngeldstelle: 'відділ батьківської допомоги',
      'but-stelle': 'відділ освіти та участі',
      other: 'державна установа',
    },
    wrote: 'Лист від: {who}.',
    want: {
      mitwirkung: 'Установі потрібні від вас документи.',
      bewilligung: 'Добра новина: вашу заяву схвалено.',
      ablehnung: 'Установа відхилила вашу заяву.',
      rueckforderung: 'Установа вимагає повернути гроші.',
      einladung: 'У вас є зустріч в установі.',
      anhoerung: 'Установа хоче щось вирішити. Спочатку ви можете сказати свою думку.',
      weiterbewilligung: 'Ваша допомога скоро закінчується. Потрібно подати нову заяву.',
      other: 'Я не зміг точно зрозуміти, чого хоче установа.',
    },
    send: 'Будь ласка, надішліть: {documents}.',
    appointment: 'Зустріч {date} о {time}. Будь ласка, прийдіть.',
    deadline: 'Ваш строк: {date}.',
    deadlineEstimated: 'Ваш строк, імовірно, закінчується {date}. Я це розрахував. Краще дійте раніше.',
    noDeadline: 'Я не знайшов строку.',
    validUntil: 'Допомога діє до {date}.',
    amount: 'Сума в листі: {amount}.',
    offerAnlageKind: 'Заповнимо разом форму Anlage Kind?',
    offerObjection: 'Ви не згодні? Запитати вашого консультанта?',
    offerRenewal: 'Допомогти вам з новою заявою?',
    offerGeneral: 'Маєте питання щодо листа? Напишіть мені.',
  },
  ru: {
    authority: {
      familienkasse: 'Familienkasse (семейная касса)',
      jobcenter: 'Jobcenter (центр занятости)',
      wohngeldstelle: 'отдел пособия на жильё',
      unterhaltsvorschusskasse: 'отдел аванса алиментов',
      elterngeldstelle: 'отдел родительского пособия',
      'but-stelle': 'отдел образования и участия',
      other: 'государственное учреждение',
    },
    wrote: 'Письмо от: {who}.',
    want: {
      mitwirkung: 'Учреждению нужны от вас документы.',
      bewilligung: 'Хорошая новость: ваше заявление одобрено.',
      ablehnung: 'Учреждение отклонило ваше заявление.',
      rueckforderung: 'Учреждение требует вернуть деньги.',
      einladung: 'У вас встреча в учреждении.',
      anhoerung: 'Учреждение хочет что-то решить. Сначала вы можете высказать своё мнение.',
      weiterbewilligung: 'Ваше пособие скоро закончится. Нужно подать новое заявление.',
      other: 'Я не смог точно понять, чего хочет учреждение.',
    },
    send: 'Пожалуйста, отправьте: {documents}.',
    appointment: 'Встреча {date} в {time}. Пожалуйста, приходите.',
    deadline: 'Ваш срок: {date}.',
    deadlineEstimated: 'Ваш срок, вероятно, заканчивается {date}. Я это рассчитал. Лучше действуйте раньше.',
    noDeadline: 'Я не нашёл срока.',
    validUntil: 'Пособие действует до {date}.',
    amount: 'Сумма в письме: {amount}.',
    offerAnlageKind: 'Заполним вместе форму Anlage Kind?',
    offerObjection: 'Вы не согласны? Спросить вашего консультанта?',
    offerRenewal: 'Помочь вам с новым заявлением?',
    offerGeneral: 'Есть вопрос по письму? Напишите мне.',
  },
};
