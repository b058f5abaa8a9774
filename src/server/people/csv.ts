/**
 * CSV as RFC 4180 writes it (quoted fields, "" for a quote, CRLF or LF line ends), with the line each record
 * starts on, so an import can say "line 7: …" about what the admin sees in their editor.
 */
export interface CsvRecord {
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/** Splits text into records; blank lines give no record. Throws CsvSyntaxError on an unterminated quote. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.replace(/^\uFEFF/, '');
  const out: CsvRecord[] = [];
  let line = 1;
  let start = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let touched = false;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    if (touched || cells.length > 1 || cells[0] !== '') out.push({ line: start, cells });
    cells = [];
    touched = false;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      quoted = true;
      touched = true;
      cell = '';
    } else if (c === ',') {
      touched = true;
      endCell();
    } else if (c === '\r' && src[i + 1] === '\n') continue;
    else if (c === '\n' || c === '\r') {
      endRecord();
      line++;
      start = line;
    } else cell += c;
  }
  if (quoted) throw new CsvSyntaxError(start, `The quoted field that starts on line ${start} is never closed.`);
  endRecord();
  // A line of only commas or spaces says nothing either.
  return out.filter((r) => r.cells.some((c) => c.trim() !== ''));
}
