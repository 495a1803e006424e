import { SafeHtml, html } from './html.util';

/** The types the intake takes (decided from the bytes; this only filters the file picker). */
const accepted = 'image/jpeg,image/png,image/webp,image/tiff,application/pdf';

/**
 * The form for a letter the Kümmerer uploads for the family (a photo or a PDF). It posts as
 * multipart without JavaScript; its CSRF field comes first in the body. Kept outside the uploads
 * list, which review.js swaps while a letter is read, so a file being chosen is not lost.
 */
export function uploadLetterForm(caseId: string, csrf: SafeHtml, limitBytes: number): SafeHtml {
  const megabytes = Math.floor(limitBytes / (1024 * 1024));
  const limit = megabytes >= 1 ? `${megabytes} MB` : `${Math.ceil(limitBytes / 1024)} KB`;
  return html`<section aria-labelledby="upload-letter-heading">
    <h2 id="upload-letter-heading">Brief hochladen <span lang="en">/ Upload a letter</span></h2>
    <form method="post" action="/review/cases/${caseId}/letters" enctype="multipart/form-data">
      ${csrf}
      <label for="letter-file">Brief für die Familie <span lang="en">/ letter for the family</span></label>
      <p class="hint" id="letter-file-hint">
        Ein Foto (JPEG, PNG, WebP, TIFF) oder ein PDF, höchstens ${limit}. Der Brief wird danach gelesen; was
        darin steht, erscheint oben bei den Unterlagen.
      </p>
      <input
        type="file"
        id="letter-file"
        name="file"
        accept="${accepted}"
        required
        aria-describedby="letter-file-hint"
      />
      <button type="submit">Hochladen und lesen <span lang="en">/ Upload and read</span></button>
    </form>
  </section>`;
}
