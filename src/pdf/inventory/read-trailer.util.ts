import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from '@cantoo/pdf-lib';
import type { EncryptionInfo, EncryptionMethod } from './pdf-inventory.types';

export interface RawTrailer {
  /** Null for an unencrypted PDF. */
  encryption: EncryptionInfo | null;
  /** The document information dictionary (/Title ...) as the file references it. */
  infoRef: PDFRef | null;
  /** False when no document catalog was found: the file is not a usable PDF. */
  hasCatalog: boolean;
}

/**
 * Reads the trailer without decrypting anything. loadPdf() drops /Encrypt from the trailer once
 * it has decrypted a file, and @cantoo/pdf-lib 2.11 also loses the trailer's /Info reference
 * then, so both are taken from a parse of their own. Throws whatever the parser throws.
 */
export async function readTrailer(bytes: Uint8Array): Promise<RawTrailer> {
  const raw = await PDFDocument.load(bytes, {
    ignoreEncryption: true,
    updateMetadata: false,
    preserveXFA: true,
  });
  const infoRef = raw.context.trailerInfo.Info;
  const encrypt = raw.context.lookup(raw.context.trailerInfo.Encrypt);
  return {
    encryption: encrypt instanceof PDFDict ? encryptionOf(encrypt) : null,
    infoRef: infoRef instanceof PDFRef ? infoRef : null,
    hasCatalog: raw.context.lookup(raw.context.trailerInfo.Root) instanceof PDFDict,
  };
}

function encryptionOf(encrypt: PDFDict): EncryptionInfo {
  const version = numberOf(encrypt, 'V');
  const revision = numberOf(encrypt, 'R');
  const streamFilter = nameOf(encrypt, 'StmF');
  const stringFilter = nameOf(encrypt, 'StrF');
  const cryptFilter = streamFilter ? cryptFilterOf(encrypt, streamFilter) : undefined;
  const cryptFilterMethod = cryptFilter ? nameOf(cryptFilter, 'CFM') : null;
  const keyBits = keyBitsOf(encrypt, version, cryptFilter);

  return {
    method: methodOf(version, cryptFilterMethod, keyBits),
    filter: nameOf(encrypt, 'Filter'),
    version,
    revision,
    keyBits,
    streamFilter,
    stringFilter,
    cryptFilterMethod,
  };
}

function methodOf(
  version: number | null,
  cryptFilterMethod: string | null,
  keyBits: number | null,
): EncryptionMethod {
  if (version === 1) {
    return 'RC4-40';
  }
  if (version === 2 || version === 3) {
    return `RC4-${keyBits ?? 40}`;
  }
  if (version === 4 || version === 5) {
    if (cryptFilterMethod === 'AESV2') {
      return 'AES-128';
    }
    if (cryptFilterMethod === 'AESV3') {
      return 'AES-256';
    }
    if (cryptFilterMethod === 'V2') {
      return `RC4-${keyBits ?? 128}`;
    }
  }
  return 'unknown';
}

function keyBitsOf(
  encrypt: PDFDict,
  version: number | null,
  cryptFilter: PDFDict | undefined,
): number | null {
  if (version === 1) {
    return 40;
  }
  if (version === 5) {
    return 256;
  }
  // The spec gives /Length of a crypt filter in bytes, but some writers put bits there.
  const filterLength = cryptFilter ? numberOf(cryptFilter, 'Length') : null;
  if (filterLength !== null) {
    return filterLength <= 32 ? filterLength * 8 : filterLength;
  }
  return numberOf(encrypt, 'Length') ?? (version === 2 ? 40 : null);
}

function cryptFilterOf(encrypt: PDFDict, name: string): PDFDict | undefined {
  const filters = encrypt.lookupMaybe(PDFName.of('CF'), PDFDict);
  return filters?.lookupMaybe(PDFName.of(name), PDFDict);
}

function numberOf(dict: PDFDict, key: string): number | null {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : null;
}

function nameOf(dict: PDFDict, key: string): string | null {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFName ? value.decodeText() : null;
}
