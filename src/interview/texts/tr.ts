import { InterviewTexts } from './de';

export const tr: InterviewTexts = {
  consentNotice:
    'Hoş geldiniz! Çocuk parası (Kindergeld) başvurusunda size yardım ediyorum.\n' +
    'Veri koruma: Cevaplarınızı başvuruyu doldurmak için kaydediyoruz. ' +
    'Onları sadece aile bürosundaki sorumlu kişiniz görür. Başka kimseye vermiyoruz. ' +
    'Verilerinizi her zaman sildirebilirsiniz. (Bilgi metni sürümü {version})\n' +
    'Kabul ediyor musunuz?',
  consentAccept: 'Evet, kabul ediyorum',
  consentRefuse: 'Hayır',
  consentRefused:
    'Sorun değil. İzniniz olmadan başvuru için hiçbir bilgi almıyorum. ' +
    'Yüz yüze de yardım alabilirsiniz: Lütfen şehrinizin aile bürosuna başvurun. ' +
    'Fikrinizi değiştirirseniz „Yine de kabul ediyorum“ düğmesine dokunun.',
  consentAfterAll: 'Yine de kabul ediyorum',
  welcome: 'Teşekkürler! Başlıyoruz. İstediğiniz zaman „yardım“, „geri“ veya „mola“ yazabilirsiniz.',
  yes: 'Evet',
  no: 'Hayır',
  skip: 'Atla',
  dontKnow: 'Bilmiyorum',
  previousAnswer: 'Şimdiye kadar: {value}',
  helpGeneric:
    'Cevabınızı yazmanız yeterli. Şunları da yazabilirsiniz: „geri“, „özet“, „mola“, „iptal“, „dil“ ' +
    'veya „insan“ (o zaman sorumlu kişiniz sizinle iletişime geçer).',
  examples: 'Örneğin: {examples}',
  dateInvalid: 'Bu gün yok. Lütfen tarihi kontrol edin.',
  dateAmbiguous: 'Tarih açık değil. Lütfen gün.ay.yıl şeklinde yazın, örneğin 03.05.2010.',
  dateIncomplete: 'Lütfen gün, ay ve yılı yazın, örneğin 03.05.2010.',
  moneyNegative: 'Lütfen tutarı eksi işareti olmadan yazın.',
  choiceAmbiguous: 'Bu birden fazla seçeneğe uyuyor. Lütfen birini seçin.',
  offerDontKnow:
    'Bu kolay değil. Bilmiyorsanız „Bilmiyorum“a dokunun. Sorumlu kişiniz bunu daha sonra sizinle netleştirir.',
  guessConfirm: '«{value}» mi demek istediniz?',
  understood: 'Şöyle anladım: {value}.',
  cannotSkip: 'Bu bilgiye ihtiyacımız var. Bilmiyorsanız „Bilmiyorum“ yazın.',
  markedUnknown: 'Tamam. Sorumlu kişiniz bunu daha sonra sizinle netleştirir.',
  skipped: 'Tamam, bu soruyu geçiyoruz.',
  typeTheValue: 'Lütfen sadece „evet“ değil, cevabın kendisini yazın.',
  backAtStart: 'Bu zaten ilk soru.',
  anotherItemFirst: 'Buraya ait bir çocuk var mı?',
  anotherItem: 'Başka bir çocuk var mı?',
  itemLabel: 'Çocuk {n}',
  itemLabelNamed: 'Çocuk {n}: {name}',
  proposal: 'Mektubunuzda şunu buldum:\n{statement} – doğru mu?',
  proposalChange:
    'Mektupta {label}: {value} yazıyor. Siz {previous} yazmıştınız.\nHangisi doğru? Doğru olana dokunun. Ya da doğrusunu yazın.',
  keepAnswer: 'Aynen kalsın',
  proposalKept: 'Tamam, cevabınız aynı kalıyor.',
  proposalTaken: 'Teşekkürler, bunu aldım.',
  addItem: '{label} ekle',
  removeItem: '{title} kaldır',
  removeConfirm: '«{title}» gerçekten kaldırılsın mı? Tüm bilgileri silinir.',
  itemRemoved: 'Tamam, kaldırdım.',
  cannotRemove: 'Bunu burada kaldıramam.',
  summaryIntro: 'Bilgileriniz burada. Lütfen hepsini kontrol edin. Değiştirmek için bir bilgiye dokunun.',
  summaryUnknown: 'bilmiyorum (netleştirilecek)',
  summarySkipped: 'bilgi yok',
  changeItem: 'Değiştir: {label} {value}',
  changeItemOf: 'Değiştir: {label} {value} ({item})',
  submitQuestion: 'Her şey doğru mu? O zaman başvuruyu şimdi gönderiyorum.',
  submitButton: 'Evet, gönder',
  changeButton: 'Bir şeyi değiştir',
  changeHint:
    'Neyi değiştirmek istiyorsunuz? Özette bilgiye dokunun veya örneğin „doğum tarihi değiştir“ yazın.',
  changeWhich: 'Hangi bilgiyi kastediyorsunuz?',
  changeNotFound: 'Bu bilgiyi bulamadım. Tüm bilgileri görmek için „özet“ yazın.',
  submitted: 'Teşekkürler! Başvurunuz gönderildi. Sorumlu kişiniz kontrol edip sizinle iletişime geçecek.',
  paused: 'Cevaplarınız kaydedildi. Tekrar yazmanız yeterli, kaldığımız yerden devam ederiz.',
  resumed: 'Tekrar hoş geldiniz. Devam ediyoruz.',
  cancelConfirm: 'Gerçekten iptal etmek istiyor musunuz? O zaman hiçbir şey göndermeyiz.',
  cancelled: 'İptal ettiniz. Hiçbir şey gönderilmedi. Yeniden başlamak için „yeniden başlat“ yazın.',
  restartConfirm: 'Gerçekten baştan başlamak istiyor musunuz? O zaman cevaplarınız silinir.',
  restarted: 'Tamam, baştan başlıyoruz.',
  continueNow: 'Tamam, devam ediyoruz.',
  ended: 'Bu konuşma bitti. Yeniden başlamak için „yeniden başlat“ yazın.',
  chooseLanguage: 'Hangi dili istiyorsunuz?',
  languageChanged: 'Artık Türkçe konuşuyoruz.',
  humanNoted:
    'Mesajınızı sorumlu kişiniz için kaydettim. Cevap burada, bu sohbette gelecek. O zamana kadar devam edebiliriz.',
  yesOrNo: 'Lütfen evet veya hayır ile cevap verin.',
  whichIsRight: 'Lütfen iki bilgiden birine dokunun. Ya da doğrusunu yazın.',
  notUnderstood: 'Bunu anlamadım.',
};
