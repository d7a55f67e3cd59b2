// The generated word lists are one line per headword: `headword<TAB>rest`. Read in one pass into
// a map of unparsed rests (each is parsed when first looked up), so loading stays cheap.
export function lineTable(data: string): Map<string, string> {
  const table = new Map<string, string>();
  let start = 0;
  while (start < data.length) {
    let end = data.indexOf('\n', start);
    if (end < 0) end = data.length;
    const tab = data.indexOf('\t', start);
    if (tab > start && tab < end) table.set(data.slice(start, tab), data.slice(tab + 1, end));
    start = end + 1;
  }
  return table;
}
