/**
 * A strict reader of the iCalendar this library writes, used by the tests to check
 * RFC 5545 well-formedness: CRLF endings, physical lines of at most 75 octets,
 * unfolding, balanced BEGIN/END, and the properties each component requires.
 */

export interface IcalProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface IcalComponent {
  name: string;
  props: IcalProperty[];
  children: IcalComponent[];
}

export interface IcalCheck {
  errors: string[];
  /** The VCALENDAR (null when the text does not even have one). */
  calendar: IcalComponent | null;
  /** Every VEVENT, its properties by name (first occurrence). */
  events: Record<string, IcalProperty>[];
}

const REQUIRED: Record<string, string[]> = {
  VCALENDAR: ['VERSION', 'PRODID'],
  VEVENT: ['UID', 'DTSTAMP', 'DTSTART'],
  VTIMEZONE: ['TZID'],
  STANDARD: ['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO'],
  DAYLIGHT: ['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO'],
};

/** Unfolds the physical lines (CRLF followed by one space or tab) into content lines. */
export function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l, i, all) => !(i === all.length - 1 && l === ''));
}

function parseLine(line: string): IcalProperty | null {
  // The name and parameters end at the first ':' outside a quoted parameter value.
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const [name, ...rawParams] = line.slice(0, colon).split(';');
  if (!/^[A-Za-z0-9-]+$/.test(name)) return null;
  const params: Record<string, string> = {};
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    if (eq <= 0) return null;
    params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1);
  }
  return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
}

/** Reads and checks an iCalendar text; `errors` is empty when it is well-formed. */
export function checkIcal(text: string): IcalCheck {
  const errors: string[] = [];
  if (!text.endsWith('\r\n')) errors.push('the text does not end with CRLF');
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) errors.push('a line ends with a bare CR or LF');
  text.split('\r\n').forEach((l, i) => {
    const octets = Buffer.byteLength(l, 'utf8');
    if (octets > 75) errors.push(`physical line ${i + 1} has ${octets} octets (most 75)`);
  });

  const stack: IcalComponent[] = [];
  let calendar: IcalComponent | null = null;
  const events: Record<string, IcalProperty>[] = [];
  const tzids = new Set<string>();
  const usedTzids = new Set<string>();
  unfold(text).forEach((line, i) => {
    const prop = parseLine(line);
    if (!prop) {
      errors.push(`content line ${i + 1} is not NAME[;PARAM=..]:VALUE: ${line}`);
      return;
    }
    if (prop.name === 'BEGIN') {
      const c: IcalComponent = { name: prop.value.toUpperCase(), props: [], children: [] };
      if (stack.length === 0 && calendar) errors.push('more than one VCALENDAR');
      if (stack.length === 0 && c.name !== 'VCALENDAR') errors.push(`${c.name} outside VCALENDAR`);
      stack[stack.length - 1]?.children.push(c);
      if (stack.length === 0) calendar = c;
      stack.push(c);
      return;
    }
    if (prop.name === 'END') {
      const open = stack.pop();
      if (!open || open.name !== prop.value.toUpperCase()) {
        errors.push(`END:${prop.value} does not close ${open ? open.name : 'anything'}`);
        return;
      }
      const names = new Set(open.props.map((p) => p.name));
      for (const required of REQUIRED[open.name] ?? [])
        if (!names.has(required)) errors.push(`${open.name} without ${required}`);
      if (open.name === 'VTIMEZONE') {
        const tz = open.props.find((p) => p.name === 'TZID');
        if (tz) tzids.add(tz.value);
      }
      if (open.name === 'VEVENT')
        events.push(
          open.props.reduce<Record<string, IcalProperty>>(
            (m, p) => (m[p.name] ? m : { ...m, [p.name]: p }),
            {},
          ),
        );
      return;
    }
    const current = stack[stack.length - 1];
    if (!current) {
      errors.push(`property ${prop.name} outside any component`);
      return;
    }
    if (prop.params['TZID']) usedTzids.add(prop.params['TZID']);
    current.props.push(prop);
  });
  if (stack.length > 0) errors.push(`unclosed: ${stack.map((c) => c.name).join(', ')}`);
  if (!calendar) errors.push('no VCALENDAR');
  for (const tz of usedTzids)
    if (!tzids.has(tz)) errors.push(`TZID=${tz} is used without its VTIMEZONE`);
  return { errors, calendar, events };
}

/** A TEXT value with its escapes undone. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
