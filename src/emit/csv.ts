/**
 * dist/<name>.csv: one row per resource, RFC 4180 (comma-separated, CRLF line ends, quotes doubled,
 * fields quoted where needed), UTF-8 without a byte order mark.
 *
 * Spreadsheet safety: a text cell that starts with = + - @, a tab or a carriage return would be
 * run as a formula by Excel, LibreOffice or Google Sheets; so would one that starts with the
 * full-width ＝ ＋ － ＠, or with any of these behind zero-width characters or spaces. Such cells get
 * a leading apostrophe ("'=HYPERLINK(...)"), which makes the cell text. Numbers stay numbers.
 */
import { stringify } from 'csv-stringify/sync';
import type { Resource, Roadmap } from '../model/types.js';
import { resourcesOf } from '../model/walk.js';

export const CSV_COLUMNS = [
  'document',
  'section_number',
  'section_title',
  'group',
  'title',
  'url',
  'host',
  'description',
  'kind',
  'official',
  'technology',
  'declared_kind',
  'inferred_kind',
  'description_links',
  'line',
] as const;

// A formula sign, ASCII or full-width (＝＋－＠, which some spreadsheets and input methods read as
// the ASCII ones), or a tab or carriage return; possibly behind characters a spreadsheet ignores
// or trims: zero-width spaces and joiners, the word joiner, a byte order mark, spaces.
const FORMULA_START = /^[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/u;

/** Make a text cell safe to open in a spreadsheet. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Columns added by `build --links`: the status of the link check and where its redirects ended. */
export const CSV_LINK_COLUMNS = ['link_status', 'final_url'] as const;

export interface CsvOptions {
  /** Add the link columns (build --links); without them come the fixed columns. */
  links?: boolean;
}

/**
 * One row per resource. After the fixed columns (and the link columns of build --links) come the
 * document's table columns, one per header name in order of first appearance ("columns.Auth"),
 * filled for resources read from a table row.
 */
export function emitCsv(roadmap: Roadmap, options: CsvOptions = {}): string {
  const text = (v: string | null): string => (v === null ? '' : neutralizeCell(v));
  const linkCells = (link: Resource['link']): (string | number)[] =>
    options.links ? [link?.status ?? '', link ? text(link.finalUrl) : ''] : [];
  const all = [...resourcesOf(roadmap)];
  const extra: string[] = [];
  const seen = new Set<string>();
  for (const { resource } of all) {
    for (const name of Object.keys(resource.columns ?? {})) {
      if (!seen.has(name)) {
        seen.add(name);
        extra.push(name);
      }
    }
  }
  const rows = all.map(({ section, resource }) => [
    text(roadmap.document),
    section.number === null ? '' : section.number,
    text(section.title),
    text(resource.group),
    text(resource.title),
    text(resource.url),
    text(resource.host),
    text(resource.description),
    resource.kind,
    resource.official ? 'true' : 'false',
    text(resource.technology),
    text(resource.declaredKind),
    resource.inferredKind,
    text(resource.descriptionLinks.map((l) => l.url).join(' ')),
    resource.line,
    ...linkCells(resource.link),
    ...extra.map((name) => text(resource.columns?.[name] ?? null)),
  ]);
  const header = [...CSV_COLUMNS, ...(options.links ? CSV_LINK_COLUMNS : []), ...extra.map((name) => text(`columns.${name}`))];
  return stringify([header, ...rows], { record_delimiter: 'windows' });
}
