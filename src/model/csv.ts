/**
 * RFC 4180 CSV → rows of fields: commas, double quotes around a field, "" for a quote inside,
 * CRLF or LF line ends (inside quotes they belong to the field). Pure, for rosters and for reading
 * LibreOffice's exports in tests.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The fields of one CSV line (an empty line has one empty field, as a spreadsheet reads it). */
export function splitCsvLine(line: string): string[] {
  return parseCsv(line)[0] ?? [''];
}
