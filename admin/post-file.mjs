/**
 * A post's file, read into the editor's form and written back as an author
 * writes it by hand (the CMS's custom format, `routine-post` in config.yml).
 *
 * - Keys in the contract's order (the form's), which is the order WRITING.md
 *   teaches: title, slug, date, ..., video, routine; a step's kind after its
 *   title.
 * - Dates as dates (`date: 2024-01-17`), numbers as numbers, and quotes only
 *   where YAML 1.1, which the site reads posts with, would read the text as
 *   something else (`video_at: "2:10"`, `title: "1984"`).
 * - A post that was opened keeps its text: only the values that changed are
 *   rewritten, in place, with the comments, flow lists and blank lines around
 *   them. When fields, steps or list items are added or removed, the front
 *   matter is written afresh in the layout above (comments in it are lost).
 * - The body is the author's Markdown, byte for byte.
 *
 * Plain ECMAScript with no dependency but the YAML library it is handed, so
 * the same file runs in the editor and under Node in the tests.
 */

const AS_WRITTEN = "_as_written"; // the file as opened; never written into a post
const YAML_OPTIONS = { version: "1.1", lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false };
const SHORT_LIST = 60; // a list of short words this long or less is written on one line: [foam roller, tennis ball]
const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?\r?\n))?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The format for a collection of the config: `{fromFile, toFile}`. */
export function postFormat(YAML, collection) {
  const shape = recordShape(collection.fields.filter((field) => field.name !== "body"));

  function fromFile(content) {
    const parts = split(content);
    if (!parts) return { body: content, [AS_WRITTEN]: content };
    const doc = YAML.parseDocument(parts.yaml, YAML_OPTIONS);
    if (doc.errors.length) {
      throw new Error(`The front matter is not valid YAML (${doc.errors[0].message}); fix it in a text editor, where make check names the line`);
    }
    const data = toForm(doc.toJS({ maxAliasCount: 20000 }) || {});
    if (typeof data.video === "string") data.video = { url: data.video };
    return { ...data, body: parts.body, [AS_WRITTEN]: content };
  }

  function toFile(data) {
    const front = fileValue(withoutBody(data), shape) || {};
    if (front.video && Object.keys(front.video).length === 1 && "url" in front.video) front.video = front.video.url;
    const original = typeof data[AS_WRITTEN] === "string" ? split(data[AS_WRITTEN]) : null;
    const yaml = (original && patched(YAML, original.yaml, front)) ?? written(YAML, front);
    return `---\n${yaml}---\n${bodyText(data.body, original)}`;
  }

  return { fromFile, toFile };
}

// -----------------------------------------------------------------------------
// The file's parts
// -----------------------------------------------------------------------------

function split(content) {
  const found = FRONT_MATTER.exec(content);
  return found ? { yaml: found[1] || "", body: content.slice(found[0].length) } : null;
}

function withoutBody(data) {
  const { body, [AS_WRITTEN]: _, ...front } = data;
  return front;
}

/** The body as typed; a blank line after the front matter, and a last newline, as a new file has them. */
function bodyText(body, original) {
  const text = typeof body === "string" ? body : "";
  if (original && text === original.body) return text;
  const lead = original ? original.body.match(/^(\r?\n)*/)[0] : "\n";
  const kept = text.replace(/^(\r?\n)*/, "");
  return kept ? `${lead}${kept.replace(/\s*$/, "")}\n` : "";
}

// -----------------------------------------------------------------------------
// Values: the form's and the file's
// -----------------------------------------------------------------------------

/** What the config says a field holds: a record's keys in order, a list's items, a date, a number. */
function shapeOf(field) {
  if (field.types) {
    const kinds = Object.fromEntries(field.types.map((type) => [type.name, recordShape(type.fields, field.typeKey)]));
    return { kinds, typeKey: field.typeKey };
  }
  if (field.widget === "object") return recordShape(field.fields);
  if (field.widget === "list") return { item: field.field ? shapeOf(field.field) : {} };
  if (field.widget === "datetime") return { date: true };
  return { numbers: holdsNumbers(field) };
}

function recordShape(fields, typeKey) {
  const keys = fields.map((field) => field.name);
  if (typeKey) keys.splice(1, 0, typeKey); // the kind just after the title
  return { keys, fields: Object.fromEntries(fields.map((field) => [field.name, shapeOf(field)])) };
}

/** A field checked by a pattern that takes "90" and not "x" (counts, durations, timestamps) holds numbers as numbers. */
function holdsNumbers(field) {
  if (!field.pattern) return false;
  const pattern = new RegExp(field.pattern[0]);
  return pattern.test("90") && !pattern.test("x");
}

/** A value of the form as the file holds it, or undefined for an empty one (left out). */
function fileValue(value, shape) {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => fileValue(item, itemShape(shape, item))).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (isRecord(value)) {
    const keys = shape?.keys || [];
    const ordered = [...keys.filter((key) => key in value), ...Object.keys(value).filter((key) => !keys.includes(key))];
    const record = {};
    for (const key of ordered) {
      // A date written as its days (`date: {created: …, updated: …}`) keeps each as a date.
      const kept = fileValue(value[key], shape?.date ? shape : shape?.fields?.[key]);
      if (kept !== undefined) record[key] = kept;
    }
    return Object.keys(record).length ? record : undefined;
  }
  if (typeof value === "string") {
    if (!value.trim()) return undefined;
    if (shape?.date && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return new Date(`${value.trim()}T00:00:00Z`);
    if (shape?.numbers && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  }
  return value;
}

function itemShape(shape, item) {
  if (shape?.kinds) return shape.kinds[item?.[shape.typeKey]];
  return shape?.item;
}

/** A value of the file as the form holds it: dates as the date widget's text. */
function toForm(value) {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(toForm);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toForm(item)]));
  return value;
}

function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function same(a, b) {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => same(item, b[i]));
  if (isRecord(a) || isRecord(b)) {
    if (!isRecord(a) || !isRecord(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && same(a[key], b[key]));
  }
  return a === b;
}

// -----------------------------------------------------------------------------
// Writing YAML
// -----------------------------------------------------------------------------

/** The front matter as it was written, with only the changed values rewritten; null when more than values changed. */
function patched(YAML, text, front) {
  const doc = YAML.parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length || !doc.contents) return null;
  const edits = [];
  if (!patch(YAML, doc, doc.contents, front, edits, false)) return null;
  edits.sort((a, b) => b[0] - a[0]);
  return edits.reduce((out, [start, end, value]) => out.slice(0, start) + value + out.slice(end), text);
}

function patch(YAML, doc, node, value, edits, inFlow) {
  if (node && same(node.toJS(doc, { maxAliasCount: 20000 }), value)) return true;
  if (YAML.isScalar(node) && !isRecord(value) && !Array.isArray(value) && node.range) {
    const text = scalarText(YAML, value, inFlow);
    if (text === null) return false;
    edits.push([node.range[0], node.range[1], text]);
    return true;
  }
  if (YAML.isMap(node) && isRecord(value)) {
    const keys = node.items.map((pair) => (YAML.isScalar(pair.key) ? pair.key.value : pair.key));
    if (keys.length !== Object.keys(value).length || !keys.every((key) => typeof key === "string" && key in value)) return false;
    return node.items.every((pair) => patch(YAML, doc, pair.value, value[pair.key.value], edits, inFlow || node.flow));
  }
  if (YAML.isSeq(node) && Array.isArray(value) && node.items.length === value.length) {
    return node.items.every((item, i) => patch(YAML, doc, item, value[i], edits, inFlow || node.flow));
  }
  return false;
}

/** One value on one line, quoted only where YAML 1.1 needs it; null when it needs more than a line. */
function scalarText(YAML, value, inFlow) {
  const text = YAML.stringify(value, YAML_OPTIONS).replace(/\n$/, "");
  if (text.includes("\n")) return null;
  if (inFlow && typeof value === "string" && /[,[\]{}#]/.test(text) && !text.startsWith('"')) return JSON.stringify(value);
  return text;
}

/** The front matter written afresh: short lists of words on one line, long text as a block. */
function written(YAML, front) {
  const doc = new YAML.Document(front, YAML_OPTIONS);
  YAML.visit(doc, {
    Seq(_, node) {
      const words = node.items.every((item) => YAML.isScalar(item) && typeof item.value === "string" && !item.value.includes("\n"));
      const length = node.items.reduce((sum, item) => sum + String(item.value).length + 2, 0);
      if (words && length <= SHORT_LIST) node.flow = true;
    },
  });
  return doc.toString(YAML_OPTIONS);
}
