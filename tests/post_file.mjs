// Runs admin/post-file.mjs, the editor's file format, under Node for the tests:
// reads {config, files: [{text, set?: [path, value]} or {data}]} as JSON on
// stdin and writes, for each file, what opening and saving it writes
// unchanged (`resaved`), with `set`'s value changed (`changed`), and written
// afresh as a new post with the same values (`fresh`; for `data`, the form's
// values of a new post), or the error it gives.
import { readFileSync } from "node:fs";
import * as YAML from "../node_modules/yaml/browser/dist/index.js";
import { postFormat } from "../admin/post-file.mjs";

const asked = JSON.parse(readFileSync(0, "utf8"));
const format = postFormat(YAML, YAML.parse(asked.config).collections[0]);
const copy = (data) => JSON.parse(JSON.stringify(data));

const answers = asked.files.map(({ text, set, data: form }) => {
  try {
    if (form) return { fresh: format.toFile(form) };
    const data = format.fromFile(text);
    const answer = { resaved: format.toFile(copy(data)) };
    if (set) {
      const changed = copy(data);
      const [path, value] = set;
      path.slice(0, -1).reduce((at, key) => at[key], changed)[path[path.length - 1]] = value;
      answer.changed = format.toFile(changed);
    }
    const fresh = copy(data);
    delete fresh._as_written;
    answer.fresh = format.toFile(fresh);
    return answer;
  } catch (error) {
    return { error: String(error.message) };
  }
});
process.stdout.write(JSON.stringify(answers));
