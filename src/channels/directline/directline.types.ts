/** Response of token generation and refresh, as in Direct Line 3.0. */
export interface TokenResponse {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** Response of start and reconnect, as in Direct Line 3.0. */
export interface ConversationResponse extends TokenResponse {
  streamUrl: string;
  referenceGrammarId?: string;
}

/** Optional body of POST /tokens/generate and POST /conversations. */
export interface StartRequest {
  user?: { id?: unknown; name?: unknown };
  locale?: unknown;
}

/** An uploaded file as multer delivers it from memory. */
export interface UploadedPart {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}
