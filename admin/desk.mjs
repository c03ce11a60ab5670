/**
 * The authors' desk: Decap CMS with this site's form, file format and preview.
 *
 * The form is admin/config.yml, made from the contract by `make schema`.
 * Under `make write` the desk's server answers /desk/info: the CMS then saves
 * through its local server into this folder, and the preview pane shows the
 * post as the site renders it, with `make check`'s lines, from the project's
 * own Python (/desk/preview), and a post `make check` would refuse is not
 * saved. Elsewhere (the editor on the published site) the CMS saves through
 * its git backend, where CI runs `make check` on each pull request, and the
 * preview says it needs `make write`.
 */

import * as YAML from "./yaml/index.js";
import { postFormat } from "./post-file.mjs";

const WAIT = 250; // ms after the last keystroke before the preview asks again
const OFFLINE = "The live preview (the cards as the site shows them, and make check's lines) comes from `make write` on your computer, which this editor cannot reach. Saving works without it; make check runs on the post once it is saved (on the published site, on its pull request).";

const config = YAML.parse(await (await fetch("config.yml")).text());
const desk = await fetch("/desk/info").then((response) => (response.ok ? response.json() : null), () => null);
const posts = config.collections[0];
const format = postFormat(YAML, posts);

if (desk) {
  config.local_backend = { url: desk.decap };
  delete config.publish_mode; // the local server saves files; pull requests are for the published editor
  config.site_url = config.display_url = desk.site;
  for (const style of [...desk.styles, "preview.css"]) CMS.registerPreviewStyle(style);
}
config.load_config_file = false;
CMS.registerCustomFormat(posts.format, posts.extension, format);
CMS.registerPreviewTemplate(posts.name, previewOf());
if (desk) CMS.registerEventListener({ name: "preSave", handler: refuseWhatCheckRefuses });
CMS.init({ config });

/** What the desk says of an entry as it would be saved: `make check`'s lines, and the post as the site shows it. */
async function checked(entry) {
  const data = entry.get("data").toJS();
  const response = await fetch("/desk/preview", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      path: entry.get("path") || `${posts.folder}/${slug(data.title)}.${posts.extension}`,
      new: !entry.get("path"), // a new post, or a copy: saved under a name no post has yet
      text: format.toFile(data),
      media: (entry.get("mediaFiles")?.toJS() || []).map((file) => file.path), // saved with it, not on disk yet
    }),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error);
  return answer;
}

/** Under `make write`, a post `make check` would refuse is not saved: the preview lists why. */
async function refuseWhatCheckRefuses({ entry }) {
  const answer = await checked(entry).catch(() => null); // the desk gone: saving works without it
  if (answer?.problems.length) throw new Error(`make check would refuse this post (${answer.summary}, listed above the preview); fix what they say, then save`);
}

/** The preview pane: the post as the site renders it, and make check's lines, as the author types. */
function previewOf() {
  return createClass({
    getInitialState() {
      return { html: "", good: "", offline: !desk };
    },
    componentDidMount() {
      this.setUpFrame();
      this.ask();
    },
    componentDidUpdate(before) {
      if (before.entry !== this.props.entry) this.ask();
    },
    componentWillUnmount() {
      clearTimeout(this.timer);
      this.gone = true;
    },
    /** The preview's own document gets what a page of the site has: its language, palette, counted words and scripts. */
    setUpFrame() {
      const frame = this.props.document;
      if (!desk || !frame || frame.getElementById("site-words")) return;
      frame.documentElement.lang = "en";
      frame.title = "Preview";
      frame.body.setAttribute("data-md-color-scheme", "default");
      frame.body.setAttribute("data-md-color-primary", "custom");
      const words = frame.createElement("script");
      words.type = "application/json";
      words.id = "site-words";
      words.textContent = JSON.stringify(desk.words);
      const script = frame.createElement("script");
      script.src = desk.script;
      frame.head.append(words, script);
    },
    ask() {
      if (!desk) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.send(), WAIT);
    },
    async send() {
      const asked = (this.asked = (this.asked || 0) + 1);
      try {
        const answer = await checked(this.props.entry);
        if (this.gone || asked !== this.asked) return;
        this.setState({ html: answer.html, good: answer.shown ? answer.html : this.state.good, offline: false });
      } catch {
        if (!this.gone) this.setState({ offline: true });
      }
    },
    render() {
      if (this.state.offline) return h("main", { className: "desk-preview" }, h("p", { className: "desk-offline", role: "status" }, OFFLINE));
      const { html, good } = this.state;
      // With problems, the post shows as it last was without one, as under `make serve`.
      const shown = html === good ? html : html + good;
      return h("main", { className: "desk-preview", "aria-label": "Preview", dangerouslySetInnerHTML: { __html: shown } });
    },
  });
}

/** The file name a new post gets, as the CMS makes it from the title. */
function slug(title) {
  const made = String(title || "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f'’]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return made || "new-post";
}
