// A small RFC 4180 CSV parser: quoted fields with commas, doubled quotes and line breaks; CRLF or LF rows.

/**
 * Rows of `text` as arrays of fields. Quoted fields may hold commas, `""` (a quote) and line breaks; a final
 * line break does not start an empty row. Throws on an unterminated quote or text after a closing quote,
 * naming the line, because a silently misread CSV shifts every later row.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not part of the first header
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  let rowOpen = false;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' && field === '') {
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`csv: expecting a closing quote for the field opened on line ${quoteLine}, instead found the end of the text`);
        const inner = text[i]!;
        if (inner === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (inner === '\n') line++;
        field += inner;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new Error(`csv: expecting a comma or line break after the quoted field on line ${line}, instead found ${JSON.stringify(next)}`);
      }
      rowOpen = true;
      continue;
    }
    if (char === ',') {
      endField();
      rowOpen = true;
      i++;
    } else if (char === '\r' || char === '\n') {
      endRow();
      rowOpen = false;
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      field += char;
      rowOpen = true;
      i++;
    }
  }
  if (rowOpen) endRow();
  return rows;
}

/** Rows as objects keyed by the header row; throws when a row has a different number of fields than the header. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((fields, index) => {
    if (fields.length !== header.length) {
      throw new Error(`csv: expecting ${header.length} fields in record ${index + 1}, instead found ${fields.length}`);
    }
    const record: Record<string, string> = {};
    header.forEach((name, column) => {
      record[name] = fields[column]!;
    });
    return record;
  });
}
