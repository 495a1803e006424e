import type { DocumentIntakeErrorCode, DocumentIntakeErrorDetails } from './document-intake.errors';

export type MessageLanguage = 'de' | 'en' | 'tr' | 'uk' | 'ru' | 'ar';

type Texts = Record<DocumentIntakeErrorCode, (limit: string) => string>;

const de: Texts = {
  FILE_EMPTY: () => 'Die Datei ist leer. Bitte senden Sie das Foto oder die PDF noch einmal.',
  FILE_TOO_LARGE: (limit) =>
    `Die Datei ist zu groß. Erlaubt sind bis zu ${limit} MB. Bitte senden Sie ein kleineres Foto.`,
  UNSUPPORTED_TYPE: () =>
    'Diese Datei kann ich nicht lesen. Bitte senden Sie ein Foto (JPEG, PNG, WebP, TIFF) oder eine PDF.',
  HEIC_NOT_SUPPORTED: () =>
    'HEIC-Fotos kann ich noch nicht lesen. Bitte stellen Sie die Kamera auf „Maximale Kompatibilität“ (JPEG) oder senden Sie einen Screenshot.',
  TOO_MANY_PAGES: (limit) =>
    `Das Dokument hat zu viele Seiten. Erlaubt sind bis zu ${limit} Seiten. Bitte senden Sie nur den Brief.`,
  IMAGE_TOO_LARGE: () => 'Das Bild ist zu groß. Bitte senden Sie ein normales Handyfoto des Briefs.',
  PAGE_TOO_LARGE: () => 'Eine Seite der PDF ist viel zu groß. Bitte senden Sie ein Foto des Briefs.',
  PDF_ENCRYPTED: () =>
    'Die PDF ist mit einem Passwort geschützt. Bitte senden Sie die PDF ohne Passwort oder ein Foto des Briefs.',
  FILE_DAMAGED: () => 'Die Datei ist beschädigt oder unvollständig. Bitte senden Sie sie noch einmal.',
  PROCESSING_TIMEOUT: () =>
    'Das Lesen hat zu lange gedauert. Bitte senden Sie ein einfaches Foto des Briefs.',
};

const en: Texts = {
  FILE_EMPTY: () => 'The file is empty. Please send the photo or PDF again.',
  FILE_TOO_LARGE: (limit) =>
    `The file is too large. Up to ${limit} MB are allowed. Please send a smaller photo.`,
  UNSUPPORTED_TYPE: () => 'I cannot read this file. Please send a photo (JPEG, PNG, WebP, TIFF) or a PDF.',
  HEIC_NOT_SUPPORTED: () =>
    'I cannot read HEIC photos yet. Please set the camera to "Most Compatible" (JPEG) or send a screenshot.',
  TOO_MANY_PAGES: (limit) =>
    `The document has too many pages. Up to ${limit} pages are allowed. Please send only the letter.`,
  IMAGE_TOO_LARGE: () => 'The image is too large. Please send a normal phone photo of the letter.',
  PAGE_TOO_LARGE: () => 'A page of the PDF is far too large. Please send a photo of the letter.',
  PDF_ENCRYPTED: () =>
    'The PDF is protected by a password. Please send it without a password, or a photo of the letter.',
  FILE_DAMAGED: () => 'The file is damaged or incomplete. Please send it again.',
  PROCESSING_TIMEOUT: () => 'Reading took too long. Please send a simple photo of the letter.',
};

const tr: Texts = {
  FILE_EMPTY: () => 'Dosya boş. Lütfen fotoğrafı veya PDF’yi tekrar gönderin.',
  FILE_TOO_LARGE: (limit) =>
    `Dosya çok büyük. En fazla ${limit} MB olabilir. Lütfen daha küçük bir fotoğraf gönderin.`,
  UNSUPPORTED_TYPE: () =>
    'Bu dosyayı okuyamıyorum. Lütfen bir fotoğraf (JPEG, PNG, WebP, TIFF) veya PDF gönderin.',
  HEIC_NOT_SUPPORTED: () =>
    'HEIC fotoğraflarını henüz okuyamıyorum. Lütfen JPEG veya ekran görüntüsü gönderin.',
  TOO_MANY_PAGES: (limit) =>
    `Belgede çok fazla sayfa var. En fazla ${limit} sayfa olabilir. Lütfen sadece mektubu gönderin.`,
  IMAGE_TOO_LARGE: () => 'Resim çok büyük. Lütfen mektubun normal bir telefon fotoğrafını gönderin.',
  PAGE_TOO_LARGE: () => 'PDF’nin bir sayfası çok büyük. Lütfen mektubun fotoğrafını gönderin.',
  PDF_ENCRYPTED: () => 'PDF şifre ile korunuyor. Lütfen şifresiz PDF veya mektubun fotoğrafını gönderin.',
  FILE_DAMAGED: () => 'Dosya bozuk veya eksik. Lütfen tekrar gönderin.',
  PROCESSING_TIMEOUT: () => 'Okuma çok uzun sürdü. Lütfen mektubun basit bir fotoğrafını gönderin.',
};

const uk: Texts = {
  FILE_EMPTY: () => 'Файл порожній. Будь ласка, надішліть фото або PDF ще раз.',
  FILE_TOO_LARGE: (limit) => `Файл завеликий. Дозволено до ${limit} МБ. Будь ласка, надішліть менше фото.`,
  UNSUPPORTED_TYPE: () => 'Я не можу прочитати цей файл. Надішліть фото (JPEG, PNG, WebP, TIFF) або PDF.',
  HEIC_NOT_SUPPORTED: () => 'Фото HEIC я поки не читаю. Будь ласка, надішліть JPEG або знімок екрана.',
  TOO_MANY_PAGES: (limit) => `У документі забагато сторінок. Дозволено до ${limit}. Надішліть лише лист.`,
  IMAGE_TOO_LARGE: () => 'Зображення завелике. Надішліть звичайне фото листа з телефона.',
  PAGE_TOO_LARGE: () => 'Сторінка PDF завелика. Будь ласка, надішліть фото листа.',
  PDF_ENCRYPTED: () => 'PDF захищений паролем. Надішліть PDF без пароля або фото листа.',
  FILE_DAMAGED: () => 'Файл пошкоджений або неповний. Будь ласка, надішліть його ще раз.',
  PROCESSING_TIMEOUT: () => 'Читання тривало занадто довго. Надішліть просте фото листа.',
};

const ru: Texts = {
  FILE_EMPTY: () => 'Файл пустой. Пожалуйста, отправьте фото или PDF ещё раз.',
  FILE_TOO_LARGE: (limit) =>
    `Файл слишком большой. Разрешено до ${limit} МБ. Пожалуйста, отправьте фото поменьше.`,
  UNSUPPORTED_TYPE: () => 'Я не могу прочитать этот файл. Отправьте фото (JPEG, PNG, WebP, TIFF) или PDF.',
  HEIC_NOT_SUPPORTED: () => 'Фото HEIC я пока не читаю. Пожалуйста, отправьте JPEG или снимок экрана.',
  TOO_MANY_PAGES: (limit) =>
    `В документе слишком много страниц. Разрешено до ${limit}. Отправьте только письмо.`,
  IMAGE_TOO_LARGE: () => 'Изображение слишком большое. Отправьте обычное фото письма с телефона.',
  PAGE_TOO_LARGE: () => 'Страница PDF слишком большая. Пожалуйста, отправьте фото письма.',
  PDF_ENCRYPTED: () => 'PDF защищён паролем. Отправьте PDF без пароля или фото письма.',
  FILE_DAMAGED: () => 'Файл повреждён или неполный. Пожалуйста, отправьте его ещё раз.',
  PROCESSING_TIMEOUT: () => 'Чтение заняло слишком много времени. Отправьте простое фото письма.',
};

const ar: Texts = {
  FILE_EMPTY: () => 'الملف فارغ. من فضلك أرسل الصورة أو ملف PDF مرة أخرى.',
  FILE_TOO_LARGE: (limit) => `الملف كبير جدًا. الحد الأقصى ${limit} ميغابايت. من فضلك أرسل صورة أصغر.`,
  UNSUPPORTED_TYPE: () =>
    'لا أستطيع قراءة هذا الملف. من فضلك أرسل صورة (JPEG أو PNG أو WebP أو TIFF) أو ملف PDF.',
  HEIC_NOT_SUPPORTED: () => 'لا أستطيع قراءة صور HEIC بعد. من فضلك أرسل صورة JPEG أو لقطة شاشة.',
  TOO_MANY_PAGES: (limit) => `المستند فيه صفحات كثيرة جدًا. الحد الأقصى ${limit} صفحة. أرسل الرسالة فقط.`,
  IMAGE_TOO_LARGE: () => 'الصورة كبيرة جدًا. من فضلك أرسل صورة عادية للرسالة من الهاتف.',
  PAGE_TOO_LARGE: () => 'إحدى صفحات ملف PDF كبيرة جدًا. من فضلك أرسل صورة للرسالة.',
  PDF_ENCRYPTED: () => 'ملف PDF محمي بكلمة مرور. أرسله بدون كلمة مرور أو أرسل صورة للرسالة.',
  FILE_DAMAGED: () => 'الملف تالف أو غير مكتمل. من فضلك أرسله مرة أخرى.',
  PROCESSING_TIMEOUT: () => 'استغرقت القراءة وقتًا طويلًا. من فضلك أرسل صورة بسيطة للرسالة.',
};

const texts: Record<MessageLanguage, Texts> = { de, en, tr, uk, ru, ar };

/**
 * The message for the family about a refused document, in their chat language (German when the
 * language is unknown). Size limits are shown in whole megabytes.
 */
export function documentIntakeMessage(
  code: DocumentIntakeErrorCode,
  language: string,
  details: DocumentIntakeErrorDetails = {},
): string {
  const table = texts[language as MessageLanguage] ?? de;
  const limit =
    code === 'FILE_TOO_LARGE' && details.limit !== undefined
      ? String(Math.floor(details.limit / (1024 * 1024)))
      : String(details.limit ?? '');
  return table[code](limit);
}
