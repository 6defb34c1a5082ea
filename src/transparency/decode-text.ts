import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as. */
  encoding: 'utf-8' | 'windows-1252' | string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads uploaded bytes as text. A declared charset wins; otherwise UTF-8 when the bytes
 * are valid UTF-8, else windows-1252 (older spreadsheet exports are not UTF-8, and
 * reading them as UTF-8 would turn "Côte d'Ivoire" into replacement characters).
 */
export function decodeText(bytes: Buffer, declaredCharset?: string): DecodedText {
  const charset = declaredCharset?.trim().toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && iconv.encodingExists(charset)) {
    return { text: stripBom(iconv.decode(bytes, charset)), encoding: charset };
  }
  try {
    return { text: stripBom(strictUtf8.decode(bytes)), encoding: 'utf-8' };
  } catch {
    return { text: stripBom(iconv.decode(bytes, 'windows-1252')), encoding: 'windows-1252' };
  }
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
