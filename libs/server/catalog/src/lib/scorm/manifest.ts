import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ScormRefusal } from './scorm-refusal';

export interface ScormItem {
  identifier: string;
  title: string;
  /** Package-relative launch href (resource href + item parameters), null for a grouping item. */
  href: string | null;
  children: ScormItem[];
}

export interface ParsedManifest {
  title: string;
  scormVersion: '1.2';
  /** The first launchable item's href, relative to the package root. */
  launchHref: string;
  items: ScormItem[];
  /** Every href an item launches, for checking that the files are in the package. */
  launchFiles: { item: string; href: string }[];
}

type Node = Record<string, unknown>;

const ARRAYS = new Set(['organization', 'item', 'resource', 'file', 'dependency']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

const asNode = (v: unknown): Node | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : undefined;
const asNodes = (v: unknown): Node[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(asNode).filter((n): n is Node => !!n);
const attr = (n: Node | undefined, name: string): string | undefined => {
  const v = n?.[`@_${name}`];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};
/** Text of an element that may be plain text, have attributes, or wrap a <langstring>. */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  const n = asNode(v);
  if (!n) return undefined;
  return text(n['#text']) ?? text(n['langstring']) ?? text(n['string']);
}

/** Decodes the manifest bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. */
export function decodeManifest(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const s = bytes.toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** 'SCORM 2004 (3rd Edition)' and the like, or null when the manifest is not SCORM 2004. */
function scorm2004Name(schemaversion: string | undefined, xml: string): string | null {
  const v = schemaversion?.trim();
  if (v) {
    const ed = /^2004\s*(\d(?:st|nd|rd|th))\s*edition$/i.exec(v);
    if (ed) return `SCORM 2004 (${ed[1]} Edition)`;
    if (/^(cam\s*)?1\.3$/i.test(v)) return 'SCORM 2004 (2nd Edition)';
    if (/^2004/i.test(v)) return `SCORM 2004 (${v})`;
    return null;
  }
  if (/adlcp_v1p3|imscp_v1p1"|imsss|adlseq_v1p3|adlnav_v1p3/.test(xml)) return 'SCORM 2004';
  return null;
}

/** Joins an item's `parameters` to its resource href, as SCORM 1.2 CAM 2.3.2 describes. */
export function withParameters(href: string, parameters: string | undefined): string {
  if (!parameters) return href;
  let p = parameters.trim();
  if (p.startsWith('#')) return href.includes('#') ? href : href + p;
  p = p.replace(/^[?&]+/, '');
  if (!p) return href;
  const hash = href.indexOf('#');
  const base = hash === -1 ? href : href.slice(0, hash);
  const frag = hash === -1 ? '' : href.slice(hash);
  return `${base}${base.includes('?') ? '&' : '?'}${p}${frag}`;
}

/** Joins xml:base values and an href; absolute URLs are refused by the caller. */
function resolveBase(bases: (string | undefined)[], href: string): string {
  const prefix = bases
    .filter((b): b is string => !!b)
    .map((b) => (b.endsWith('/') ? b : `${b}/`))
    .join('');
  return prefix + href;
}

/**
 * Parses and checks an imsmanifest.xml of a SCORM 1.2 package. Refuses with
 * a message saying what is wrong: malformed XML (with the line), another
 * SCORM version, no organisation, items pointing at missing resources or at
 * resources without a launch file, no launchable item.
 */
export function parseManifest(xmlInput: string): ParsedManifest {
  const xml = xmlInput.charCodeAt(0) === 0xfeff ? xmlInput.slice(1) : xmlInput;
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new ScormRefusal(
      `imsmanifest.xml bukan XML yang sah: baris ${line}, kolom ${col}: ${msg}. Perbaiki berkas itu (atau ekspor ulang paket dari aplikasi pembuatnya).`,
    );
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    throw new ScormRefusal(
      `imsmanifest.xml tidak dapat dibaca: ${e instanceof Error ? e.message : String(e)}.`,
    );
  }
  const manifest = asNode(doc['manifest']);
  if (!manifest) {
    throw new ScormRefusal(
      'imsmanifest.xml tidak berisi elemen <manifest>; ini bukan manifest paket SCORM.',
    );
  }

  const metadata = asNode(manifest['metadata']);
  const schemaversion = text(metadata?.['schemaversion']);
  const v2004 = scorm2004Name(schemaversion, xml);
  if (v2004) {
    throw new ScormRefusal(
      `Paket ini ${v2004}. ${v2004} belum didukung; unggah paket SCORM 1.2 (di aplikasi pembuat kursus pilih ekspor "SCORM 1.2").`,
    );
  }
  const says12 =
    schemaversion === '1.2' || (!schemaversion && /adlcp_rootv1p2|imscp_rootv1p1p2/.test(xml));
  if (!says12) {
    throw new ScormRefusal(
      schemaversion
        ? `Versi SCORM "${schemaversion}" pada <metadata>/<schemaversion> tidak dikenal; hanya SCORM 1.2 yang didukung.`
        : 'Versi SCORM paket tidak dapat ditentukan (tidak ada <schemaversion> maupun namespace adlcp SCORM 1.2); hanya SCORM 1.2 yang didukung.',
    );
  }

  // Resources by identifier, their hrefs resolved against xml:base.
  const resourcesNode = asNode(manifest['resources']);
  const resources = new Map<string, { href?: string }>();
  for (const r of asNodes(resourcesNode?.['resource'])) {
    const id = attr(r, 'identifier');
    if (!id) continue;
    const href = attr(r, 'href');
    resources.set(id, {
      href: href ? resolveBase([attr(resourcesNode, 'base'), attr(r, 'base')], href) : undefined,
    });
  }

  const orgsNode = asNode(manifest['organizations']);
  const orgs = asNodes(orgsNode?.['organization']);
  if (orgs.length === 0) {
    throw new ScormRefusal(
      'imsmanifest.xml tidak punya <organization> di dalam <organizations>: tidak ada struktur pelajaran yang bisa dibuka.',
    );
  }
  const defaultId = attr(orgsNode, 'default');
  let org = orgs[0];
  if (defaultId) {
    const found = orgs.find((o) => attr(o, 'identifier') === defaultId);
    if (!found) {
      throw new ScormRefusal(
        `<organizations default="${defaultId}"> merujuk ke organisasi yang tidak ada di manifest.`,
      );
    }
    org = found;
  }
  const orgId = attr(org, 'identifier') ?? '(tanpa identifier)';
  const title = text(org['title']);
  if (!title) {
    throw new ScormRefusal(
      `Organisasi "${orgId}" di imsmanifest.xml tidak punya <title>; judul paket wajib ada.`,
    );
  }

  const launchFiles: { item: string; href: string }[] = [];
  const walk = (nodes: Node[]): ScormItem[] =>
    nodes.map((n) => {
      const identifier = attr(n, 'identifier') ?? '';
      const ref = attr(n, 'identifierref');
      let href: string | null = null;
      if (ref) {
        const res = resources.get(ref);
        if (!res) {
          throw new ScormRefusal(
            `Item "${identifier}" merujuk resource "${ref}" yang tidak ada di <resources> imsmanifest.xml.`,
          );
        }
        if (!res.href) {
          throw new ScormRefusal(
            `Item "${identifier}" merujuk resource "${ref}" yang tidak punya atribut href: tidak ada berkas yang bisa dibuka untuk item itu.`,
          );
        }
        if (/^[a-z][a-z0-9+.-]*:/i.test(res.href) || res.href.startsWith('/')) {
          throw new ScormRefusal(
            `Resource "${ref}" menunjuk ke luar paket (${res.href}); berkas peluncuran harus ada di dalam zip.`,
          );
        }
        href = withParameters(res.href, attr(n, 'parameters'));
        launchFiles.push({ item: identifier, href: res.href });
      }
      return {
        identifier,
        title: text(n['title']) ?? identifier,
        href,
        children: walk(asNodes(n['item'])),
      };
    });
  const items = walk(asNodes(org['item']));

  const first = (list: ScormItem[]): string | null => {
    for (const i of list) {
      if (i.href) return i.href;
      const inner = first(i.children);
      if (inner) return inner;
    }
    return null;
  };
  const launchHref = first(items);
  if (!launchHref) {
    throw new ScormRefusal(
      `Organisasi "${orgId}" tidak punya item yang bisa dibuka (item dengan identifierref ke resource yang punya href).`,
    );
  }
  return { title, scormVersion: '1.2', launchHref, items, launchFiles };
}
