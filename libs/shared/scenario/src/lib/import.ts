import {
  getNodeValue,
  type Node,
  parseTree,
  type ParseError,
  printParseErrorCode,
} from 'jsonc-parser';
import { CONDITION_OPS, ENDING_RATINGS, type Scenario, SCENARIO_SCHEMA_VERSION } from './model';

/** A problem in an imported file, where a person can find it. */
export interface ImportError {
  line: number;
  column: number;
  /** e.g. `scenes[2].choices[0].label`; empty for the whole file. */
  path: string;
  message: string;
}

type Shape =
  | { t: 'string'; optional?: boolean; max?: number }
  | { t: 'number'; optional?: boolean }
  | { t: 'boolean'; optional?: boolean }
  | { t: 'enum'; of: readonly string[]; optional?: boolean }
  | { t: 'nullable-string' }
  | { t: 'array'; of: Shape; optional?: boolean; max?: number }
  | { t: 'object'; fields: Record<string, Shape>; optional?: boolean }
  | { t: 'condition'; optional?: boolean }
  | { t: 'practice'; optional?: boolean };

const str: Shape = { t: 'string' };
const optStr: Shape = { t: 'string', optional: true };
const num: Shape = { t: 'number' };
const optNum: Shape = { t: 'number', optional: true };
const obj = (fields: Record<string, Shape>, optional = false): Shape => ({
  t: 'object',
  fields,
  optional,
});
const arr = (of: Shape, max = 500, optional = false): Shape => ({ t: 'array', of, max, optional });

const FIELD = obj({
  key: str,
  label: str,
  type: { t: 'enum', of: ['text', 'number', 'date', 'select'] },
  options: arr(str, 100, true),
  required: { t: 'boolean' },
  pattern: optStr,
  patternMessage: optStr,
  expected: str,
  match: { t: 'enum', of: ['exact', 'case-insensitive', 'digits'], optional: true },
  explain: str,
});

const PENALTY = { competency: optStr, penaltyPerMistake: optNum };
const FORM_PRACTICE = obj({
  kind: { t: 'enum', of: ['form'] },
  instructions: str,
  appName: str,
  screenTitle: str,
  documents: arr(obj({ title: str, lines: arr(obj({ label: str, value: str }), 40) }), 20),
  fields: arr(FIELD, 50),
  ...PENALTY,
});
const MENU_PRACTICE = obj({
  kind: { t: 'enum', of: ['menu-path'] },
  instructions: str,
  appName: str,
  screens: arr(
    obj({
      id: str,
      title: str,
      options: arr(obj({ id: str, label: str, nextScreenId: { t: 'nullable-string' } }), 30),
    }),
    50,
  ),
  startScreenId: str,
  expectedPath: arr(str, 30),
  explain: str,
  ...PENALTY,
});

const SCENE = obj({
  id: { t: 'string', max: 80 },
  title: { t: 'string', max: 200 },
  narrative: { t: 'string', max: 20_000 },
  speaker: obj({ name: str, role: optStr, mood: optStr, line: str }, true),
  media: obj(
    { kind: { t: 'enum', of: ['image', 'video'] }, fileId: optStr, url: optStr, alt: str },
    true,
  ),
  practice: { t: 'practice', optional: true },
  choices: arr(
    obj({
      id: str,
      label: { t: 'string', max: 500 },
      targetSceneId: { t: 'nullable-string' },
      feedback: optStr,
      effects: arr(obj({ competency: str, delta: num }), 20, true),
      updates: arr(
        obj({ variable: str, op: { t: 'enum', of: ['add', 'set'] }, value: num }),
        20,
        true,
      ),
      condition: { t: 'condition', optional: true },
    }),
    20,
  ),
  ending: obj({ rating: { t: 'enum', of: ENDING_RATINGS }, debrief: str }, true),
  position: obj({ x: num, y: num }, true),
});

const SCENARIO = obj({
  schemaVersion: { t: 'enum', of: [String(SCENARIO_SCHEMA_VERSION)] },
  title: { t: 'string', max: 200 },
  competencies: arr(obj({ key: str, label: str }), 20),
  variables: arr(obj({ key: str, label: str, initial: num, min: optNum, max: optNum }), 20),
  startSceneId: str,
  scenes: arr(SCENE, 200),
});

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text[i] === '\n') {
      line++;
      last = i;
    }
  return { line, column: offset - last };
}

const kindOf = (n: Node) => (n.type === 'number' && Number.isInteger(n.value) ? 'number' : n.type);
const NAMES: Record<string, string> = {
  string: 'teks',
  number: 'angka',
  boolean: 'true/false',
  object: 'objek { }',
  array: 'daftar [ ]',
  null: 'null',
};

function check(text: string, node: Node, shape: Shape, path: string, out: ImportError[]): void {
  const fail = (message: string, at: Node = node): void => {
    out.push({ ...lineColumn(text, at.offset), path, message });
  };
  const type = kindOf(node);
  switch (shape.t) {
    case 'string':
      if (node.type !== 'string')
        return fail(`harus ${NAMES['string']}, bukan ${NAMES[type] ?? type}`);
      if (shape.max && (node.value as string).length > shape.max)
        fail(`paling panjang ${shape.max} karakter`);
      return;
    case 'nullable-string':
      if (node.type !== 'string' && node.type !== 'null')
        fail(`harus ${NAMES['string']} (id adegan) atau null`);
      return;
    case 'number':
      if (node.type !== 'number') fail(`harus ${NAMES['number']}, bukan ${NAMES[type] ?? type}`);
      return;
    case 'boolean':
      if (node.type !== 'boolean') fail(`harus true atau false`);
      return;
    case 'enum': {
      const v = node.type === 'string' || node.type === 'number' ? String(node.value) : null;
      if (v === null || !shape.of.includes(v))
        fail(`harus salah satu dari: ${shape.of.join(', ')}`);
      return;
    }
    case 'condition':
      return checkCondition(text, node, path, out);
    case 'practice': {
      const kind = node.children?.find((p) => p.children?.[0]?.value === 'kind')?.children?.[1];
      if (node.type !== 'object' || (kind?.value !== 'form' && kind?.value !== 'menu-path'))
        return fail('latihan harus objek dengan "kind": "form" atau "menu-path"');
      return check(text, node, kind.value === 'form' ? FORM_PRACTICE : MENU_PRACTICE, path, out);
    }
    case 'array':
      if (node.type !== 'array')
        return fail(`harus ${NAMES['array']}, bukan ${NAMES[type] ?? type}`);
      if (shape.max && (node.children ?? []).length > shape.max)
        fail(`paling banyak ${shape.max} butir`);
      (node.children ?? []).forEach((c, i) => check(text, c, shape.of, `${path}[${i}]`, out));
      return;
    case 'object': {
      if (node.type !== 'object')
        return fail(`harus ${NAMES['object']}, bukan ${NAMES[type] ?? type}`);
      const props = new Map(
        (node.children ?? []).map((p) => [p.children?.[0]?.value as string, p]),
      );
      for (const [key, prop] of props)
        if (!(key in shape.fields))
          out.push({
            ...lineColumn(text, prop.offset),
            path: path ? `${path}.${key}` : key,
            message: `"${key}" tidak dikenal di sini`,
          });
      for (const [key, sub] of Object.entries(shape.fields)) {
        const prop = props.get(key);
        const at = path ? `${path}.${key}` : key;
        if (!prop?.children?.[1]) {
          if (!('optional' in sub && sub.optional) && sub.t !== 'nullable-string')
            out.push({ ...lineColumn(text, node.offset), path: at, message: `"${key}" wajib ada` });
          continue;
        }
        check(text, prop.children[1], sub, at, out);
      }
      return;
    }
  }
}

function checkCondition(text: string, node: Node, path: string, out: ImportError[]): void {
  const fail = (message: string): void => {
    out.push({ ...lineColumn(text, node.offset), path, message });
  };
  if (node.type !== 'object') return fail('syarat harus objek { }');
  const keys = (node.children ?? []).map((p) => p.children?.[0]?.value as string);
  const child = (k: string) =>
    node.children?.find((p) => p.children?.[0]?.value === k)?.children?.[1];
  if (keys.includes('variable')) {
    check(
      text,
      node,
      obj({ variable: str, op: { t: 'enum', of: CONDITION_OPS }, value: num }),
      path,
      out,
    );
  } else if (keys.length === 1 && (keys[0] === 'all' || keys[0] === 'any')) {
    const list = child(keys[0]);
    if (list?.type !== 'array') return fail(`"${keys[0]}" harus daftar syarat`);
    (list.children ?? []).forEach((c, i) =>
      checkCondition(text, c, `${path}.${keys[0]}[${i}]`, out),
    );
  } else if (keys.length === 1 && keys[0] === 'not') {
    const inner = child('not');
    if (inner) checkCondition(text, inner, `${path}.not`, out);
  } else
    fail('syarat harus { variable, op, value }, { all: [...] }, { any: [...] } atau { not: ... }');
}

/**
 * Reads a scenario exported as JSON. Syntax errors and every part of the wrong shape come back
 * with their line, column and path, so the author can find them in the file; the scenario's
 * story problems (unreachable scenes…) are the validator's business, not the importer's.
 */
export function importScenario(
  text: string,
): { ok: true; scenario: Scenario } | { ok: false; errors: ImportError[] } {
  const syntax: ParseError[] = [];
  const root = parseTree(text, syntax, { allowTrailingComma: false, disallowComments: true });
  if (syntax.length > 0 || !root)
    return {
      ok: false,
      errors: (syntax.length > 0 ? syntax : [{ error: 0, offset: 0, length: 0 }]).map((e) => ({
        ...lineColumn(text, e.offset),
        path: '',
        message:
          syntax.length > 0
            ? `JSON tidak sah: ${printParseErrorCode(e.error)}`
            : 'Berkas kosong: tidak ada JSON',
      })),
    };
  const errors: ImportError[] = [];
  check(text, root, SCENARIO, '', errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, scenario: getNodeValue(root) as Scenario };
}
