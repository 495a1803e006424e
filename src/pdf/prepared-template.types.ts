/** A decrypted, XFA-free copy of an official template, made once and reused for every fill. */
export interface PreparedTemplate {
  /** SHA-256 of the official file it was made from. */
  sha256: string;
  /** Size of the official file, for comparing output sizes. */
  templateSize: number;
  /** The prepared copy; never modify it (shared between fills). */
  bytes: Uint8Array;
  /**
   * SHA-256 of `bytes`: the name under which the copy is stored once as the base of the drafts
   * that are incremental updates of it (PdfFillerService.fillIncremental).
   */
  bytesSha256: string;
}
