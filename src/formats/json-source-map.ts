import { escapeToken } from './json-pointer.js';

/** 1-based line and column, plus the 0-based character offset. */
export interface SourcePosition {
  line: number;
  column: number;
  offset: number;
}

/**
 * Where each JSON Pointer of a document starts in its text: for an object member the
 * position of its key (where a reader looks), otherwise the position of the value.
 * JSON.parse forgets positions, so this is a small second pass over text that has
 * already parsed; on text that does not parse it returns whatever it found so far.
 */
export class JsonSourceMap {
  private readonly offsets = new Map<string, number>();
  private readonly lineStarts: number[] = [0];
  /** Where the text stopped being JSON, if it did. */
  readonly faultOffset: number | undefined;

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
    const scanner = new Scanner(text, this.offsets);
    try {
      scanner.document();
    } catch {
      // Malformed text: JSON.parse reports that; keep the positions found before the fault.
      this.faultOffset = scanner.offset;
    }
  }

  /** Position of the pointer, or of its nearest existing ancestor (`exact: false`) — e.g. for a missing property. */
  locate(pointer: string): SourcePosition & { exact: boolean } {
    let current = pointer;
    for (;;) {
      const offset = this.offsets.get(current);
      if (offset !== undefined) return { ...this.positionAt(offset), exact: current === pointer };
      if (current === '') return { ...this.positionAt(0), exact: false };
      current = current.slice(0, current.lastIndexOf('/'));
    }
  }

  positionAt(offset: number): SourcePosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low] + 1, offset: clamped };
  }
}

class Scanner {
  private i = 0;

  get offset(): number {
    return this.i;
  }

  constructor(
    private readonly text: string,
    private readonly offsets: Map<string, number>,
  ) {}

  document(): void {
    this.space();
    this.value('', this.i);
    this.space();
    if (this.i < this.text.length) throw new SyntaxError(`unexpected text after the document at ${this.i}`);
  }

  private value(pointer: string, recordAt: number): void {
    this.offsets.set(pointer, recordAt);
    const c = this.text[this.i];
    if (c === '{') this.object(pointer);
    else if (c === '[') this.array(pointer);
    else if (c === '"') this.string();
    else if (c !== undefined && /[-0-9tfn]/.test(c)) this.scalar();
    else throw new SyntaxError(`unexpected ${c ?? 'end'} at ${this.i}`);
  }

  private object(pointer: string): void {
    this.i++;
    this.space();
    if (this.text[this.i] === '}') return void this.i++;
    for (;;) {
      const keyAt = this.i;
      const key = JSON.parse(this.string()) as string;
      this.space();
      this.expect(':');
      this.space();
      this.value(`${pointer}/${escapeToken(key)}`, keyAt);
      this.space();
      if (this.text[this.i] === ',') {
        this.i++;
        this.space();
        continue;
      }
      return this.expect('}');
    }
  }

  private array(pointer: string): void {
    this.i++;
    this.space();
    if (this.text[this.i] === ']') return void this.i++;
    for (let index = 0; ; index++) {
      this.value(`${pointer}/${index}`, this.i);
      this.space();
      if (this.text[this.i] === ',') {
        this.i++;
        this.space();
        continue;
      }
      return this.expect(']');
    }
  }

  /** Consumes a string token and returns its raw text, quotes included. */
  private string(): string {
    const start = this.i;
    this.expect('"');
    while (this.i < this.text.length && this.text[this.i] !== '"') this.i += this.text[this.i] === '\\' ? 2 : 1;
    this.expect('"');
    return this.text.slice(start, this.i);
  }

  private scalar(): void {
    while (this.i < this.text.length && /[-+.0-9a-zA-Z]/.test(this.text[this.i])) this.i++;
  }

  private space(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i])) this.i++;
  }

  private expect(c: string): void {
    if (this.text[this.i] !== c) throw new SyntaxError(`expected ${c} at ${this.i}`);
    this.i++;
  }
}
