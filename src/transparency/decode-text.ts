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

const SLICE = 1024 * 1024;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * decodeText for large uploads: the same answer, decoded a megabyte at a time with a turn
 * of the event loop in between, so a 16 MB file never holds the server for one long stretch.
 */
export async function decodeTextInSlices(bytes: Buffer, declaredCharset?: string): Promise<DecodedText> {
  const charset = declaredCharset?.trim().toLowerCase();
  if (bytes.length <= SLICE || (charset && charset !== 'utf-8' && charset !== 'utf8' && iconv.encodingExists(charset))) return decodeText(bytes, declaredCharset);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  try {
    for (let at = 0; at < bytes.length; at += SLICE) {
      parts.push(decoder.decode(bytes.subarray(at, at + SLICE), { stream: at + SLICE < bytes.length }));
      await turn();
    }
  } catch {
    // Not UTF-8: windows-1252 maps byte for byte, so slices decode independently.
    parts.length = 0;
    for (let at = 0; at < bytes.length; at += SLICE) {
      parts.push(iconv.decode(bytes.subarray(at, at + SLICE), 'windows-1252'));
      await turn();
    }
    return { text: stripBom(parts.join('')), encoding: 'windows-1252' };
  }
  return { text: stripBom(parts.join('')), encoding: 'utf-8' };
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * Undoes the classic mojibake of UTF-8 text that was once read as windows-1252 and saved
 * again ("CÃ´te dâ€™Ivoire" → "Côte d’Ivoire"). Text that is not such mojibake comes back
 * unchanged.
 */
export function repairMojibake(text: string): string {
  if (!/[ÃÂâÅÄ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/.test(text)) return text;
  try {
    const bytes = iconv.encode(text, 'windows-1252');
    const repaired = strictUtf8.decode(bytes);
    return repaired.includes('\ufffd') ? text : repaired;
  } catch {
    return text;
  }
}
