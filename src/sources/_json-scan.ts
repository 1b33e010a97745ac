import { StitchscanError } from '../errors';

/** One element of the records array: its JSON text and the line it starts on. */
export interface JsonElement {
  text: string;
  line: number;
}

export type JsonShape = 'array' | 'wrapped' | 'assignment';

type Mode =
  | 'start' // before the first significant character
  | 'target' // reading `name =` of `name = [...]`
  | 'after-assign' // after `=`, expecting `[` or `{`
  | 'scalar' // a top-level value that is neither array nor object
  | 'probe' // just inside a candidate records array, before its first element
  | 'elements' // inside the records array
  | 'key-or-end' // wrapped object: expecting a key or `}`
  | 'key' // wrapped object: inside a key string
  | 'colon' // wrapped object: expecting `:`
  | 'value' // wrapped object: expecting a member value
  | 'skip' // wrapped object: skipping a member value that holds no records
  | 'after-value' // wrapped object: expecting `,` or `}`
  | 'done'; // the records array is closed; the rest is ignored

const MAX_TARGET = 512;
const MAX_SCALAR = 1024 * 1024;
const ASSIGNMENT = /^(?:(?:var|let|const)\s+)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]\n]{1,64}\])*)\s*$/;

/**
 * Splits a JSON document into the elements of its records array without holding the document:
 * a character scanner tracks strings, escapes and depth, and hands out each element's text for
 * JSON.parse. The records array is the top-level array, the first member of a top-level object
 * whose value is an array of objects (`{"data": [...]}`; other members are skipped), or the
 * array assigned in `window.YTD.tweets.part0 = [...]`. Throws E_INVALID_JSON or E_NO_RECORDS
 * only before the records array is found; afterwards problems are bad elements, not errors.
 */
export class JsonRecordsScanner {
  shape: JsonShape | null = null;
  recordsPath: string | undefined;
  private mode: Mode = 'start';
  private line = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Text of the element, key, target or scalar being read, from earlier chunks. */
  private carry = '';
  private inElement = false;
  private elementLine = 0;
  /** After a comma in the records array: an element must follow. */
  private expectElement = false;
  /** Key of the member being read; null for a top-level (or assigned) array. */
  private key: string | null = null;
  private emptyArrayKey: string | undefined;
  private assignTarget: string | undefined;

  constructor(private readonly onEmptyElement: (line: number) => void) {}

  /** True once the records array has been found (or the document is known to hold none). */
  get ready(): boolean {
    return this.shape !== null;
  }

  /** Scans one chunk of text and returns the complete elements found in it. */
  push(text: string): JsonElement[] {
    const out: JsonElement[] = [];
    let i = 0;
    while (i < text.length && this.mode !== 'done') {
      i = this.mode === 'elements' ? this.scanElements(text, i, out) : this.scanStructure(text, i);
    }
    return out;
  }

  /**
   * Ends the input: returns an element left unfinished (its parse will fail and be counted)
   * and throws when no records array was found.
   */
  end(): JsonElement[] {
    if (this.mode === 'elements' && this.inElement) {
      this.inElement = false;
      return [{ text: this.carry, line: this.elementLine }];
    }
    if (this.shape !== null) return [];
    if (this.mode === 'scalar' || this.mode === 'target') {
      if (isJson(this.carry.trim())) throw noRecords('the document is a single value');
      throw notJson('the text is not JSON');
    }
    if (this.mode === 'start') throw notJson('the input holds no JSON value');
    throw notJson(`the document ends at line ${this.line} before it is complete`);
  }

  /** The hot loop: elements of the records array, with state in locals. */
  private scanElements(text: string, from: number, out: JsonElement[]): number {
    const n = text.length;
    let { depth, inString, escaped, line, inElement } = this;
    let start = from;
    let nextBackslash = -1;
    let nextNewline = -1;
    let i = from;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) {
          escaped = false;
          if (c === 10) line++;
        } else if (c === 34) inString = false;
        else if (c === 92) escaped = true;
        else {
          // Jump to the next quote or backslash, counting the line breaks passed on the way.
          if (nextBackslash < i) nextBackslash = indexOrEnd(text, '\\', i);
          const stop = Math.min(indexOrEnd(text, '"', i), nextBackslash);
          if (nextNewline < i) nextNewline = indexOrEnd(text, '\n', i);
          while (nextNewline < stop) {
            line++;
            nextNewline = indexOrEnd(text, '\n', nextNewline + 1);
          }
          i = stop - 1;
        }
        continue;
      }
      if (c === 10) line++;
      if (!inElement) {
        if (c === 32 || c === 10 || c === 13 || c === 9) continue;
        if (c === 44) {
          if (this.expectElement) this.onEmptyElement(line);
          this.expectElement = true;
          continue;
        }
        if (c === 93 || c === 125) {
          if (this.expectElement) this.onEmptyElement(line);
          this.mode = 'done';
          i++;
          break;
        }
        inElement = true;
        this.expectElement = false;
        this.elementLine = line;
        this.carry = '';
        start = i;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        if (depth > 0) depth--;
        else {
          // This bracket closes the records array (missing `}` or `]` inside shows in the parse).
          out.push({ text: this.carry + text.slice(start, i), line: this.elementLine });
          inElement = false;
          this.mode = 'done';
          i++;
          break;
        }
      } else if (c === 44 && depth === 0) {
        out.push({ text: this.carry + text.slice(start, i), line: this.elementLine });
        this.carry = '';
        inElement = false;
        this.expectElement = true;
      }
    }
    if (inElement) this.carry += text.slice(start, i);
    Object.assign(this, { depth, inString, escaped, line, inElement });
    return i;
  }

  /** Everything before the records array; returns where `elements` mode starts, or the end. */
  private scanStructure(text: string, from: number): number {
    const n = text.length;
    let start = from; // where the current target, scalar or key starts in `text`
    for (let i = from; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.line++;
      switch (this.mode) {
        case 'start':
          if (isSpace(c)) continue;
          this.carry = '';
          start = i;
          if (c === 91) this.mode = 'probe';
          else if (c === 123) this.mode = 'key-or-end';
          else this.mode = isIdentStart(c) ? 'target' : 'scalar';
          continue;
        case 'target': {
          if (c !== 61 /* = */) {
            if (this.carry.length + (i - start) > MAX_TARGET) throw notJson('the text does not start like JSON');
            continue;
          }
          const target = ASSIGNMENT.exec(this.carry + text.slice(start, i))?.[1];
          if (target === undefined) throw notJson('the text does not start like JSON');
          this.assignTarget = target;
          this.mode = 'after-assign';
          continue;
        }
        case 'after-assign':
          if (isSpace(c)) continue;
          if (c === 91) this.mode = 'probe';
          else if (c === 123) this.mode = 'key-or-end';
          else throw noRecords(`\`${this.assignTarget ?? ''} =\` is not followed by an array or object`);
          continue;
        case 'scalar':
          if (this.carry.length + (i - start) > MAX_SCALAR) throw notJson('the text does not start like JSON');
          continue;
        case 'probe':
          if (isSpace(c)) continue;
          if (c === 123) {
            this.foundRecords();
            this.mode = 'elements';
            return i;
          }
          if (c === 93) {
            if (this.key === null) {
              this.foundRecords();
              this.mode = 'done';
              return i + 1;
            }
            this.emptyArrayKey ??= this.key;
            this.mode = 'after-value';
          } else if (this.key === null) {
            throw noRecords('the top-level array holds values, not objects');
          } else {
            // A member array of scalars or arrays: skip it whole (this character included).
            this.mode = 'skip';
            this.depth = 1;
            this.skipChar(c);
          }
          continue;
        case 'key-or-end':
          if (isSpace(c) || c === 44) continue;
          if (c === 125) this.endObject();
          else if (c === 34) {
            this.mode = 'key';
            this.escaped = false;
            this.carry = '';
            start = i;
          } else throw notJson(`expected a key in the top-level object at line ${this.line}`);
          continue;
        case 'key':
          if (this.escaped) this.escaped = false;
          else if (c === 92) this.escaped = true;
          else if (c === 34) {
            this.key = parseKey(this.carry + text.slice(start, i + 1), this.line);
            this.mode = 'colon';
          }
          continue;
        case 'colon':
          if (isSpace(c)) continue;
          if (c !== 58) throw notJson(`expected ":" after a key at line ${this.line}`);
          this.mode = 'value';
          continue;
        case 'value':
          if (isSpace(c)) continue;
          if (c === 91) this.mode = 'probe';
          else {
            this.mode = 'skip';
            this.depth = 0;
            this.inString = false;
            this.skipChar(c);
          }
          continue;
        case 'skip':
          this.skipChar(c);
          continue;
        case 'after-value':
          if (isSpace(c)) continue;
          if (c === 44) this.mode = 'key-or-end';
          else if (c === 125) this.endObject();
          else throw notJson(`expected "," or "}" in the top-level object at line ${this.line}`);
          continue;
        default:
          return i; // 'elements' or 'done'
      }
    }
    if (this.mode === 'target' || this.mode === 'scalar' || this.mode === 'key') this.carry += text.slice(start);
    return n;
  }

  /** One character of a member value that holds no records. */
  private skipChar(c: number): void {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === 92) this.escaped = true;
      else if (c === 34) this.inString = false;
    } else if (c === 34) this.inString = true;
    else if (c === 123 || c === 91) this.depth++;
    else if (c === 125 || c === 93) {
      if (this.depth === 0) this.endObject();
      else if (--this.depth === 0) this.mode = 'after-value';
    } else if (c === 44 && this.depth === 0) this.mode = 'key-or-end';
  }

  /** The array being probed holds records (or is the top-level array, possibly empty). */
  private foundRecords(): void {
    if (this.key === null) {
      this.shape = this.assignTarget === undefined ? 'array' : 'assignment';
      this.recordsPath = this.assignTarget;
    } else {
      this.shape = 'wrapped';
      this.recordsPath = this.memberPath(this.key);
    }
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  private memberPath(key: string): string {
    return this.assignTarget === undefined ? key : `${this.assignTarget}.${key}`;
  }

  private endObject(): void {
    if (this.emptyArrayKey === undefined) {
      throw noRecords('the top-level object has no member holding an array of objects');
    }
    this.shape = 'wrapped';
    this.recordsPath = this.memberPath(this.emptyArrayKey);
    this.mode = 'done';
  }
}

function indexOrEnd(text: string, char: string, from: number): number {
  const i = text.indexOf(char, from);
  return i === -1 ? text.length : i;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function parseKey(raw: string, line: number): string {
  try {
    const key: unknown = JSON.parse(raw);
    if (typeof key === 'string') return key;
  } catch {
    // reported below
  }
  throw notJson(`invalid key ${raw.slice(0, 40)} at line ${line}`);
}

function notJson(reason: string): StitchscanError {
  return new StitchscanError('E_INVALID_JSON', `Invalid JSON: ${reason}.`);
}

function noRecords(reason: string): StitchscanError {
  return new StitchscanError('E_NO_RECORDS', `No records found in the JSON document: ${reason}.`);
}
