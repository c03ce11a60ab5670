/* <follow-along>: the routine run one step at a time, so the reader can put
 * the phone down.
 *
 * It runs the plan the build wrote for each step (hooks/routines/model/wording.py,
 * `plan`): countdowns move on by themselves, sets wait for "Set done", reps
 * for "Next step". All words about the routine come from the build. One
 * clock, as in <breath-timer>: a segment starts at a performance.now() time
 * that pausing shifts, and every tick derives where the routine is from it,
 * so a tab in the background or a locked screen loses nothing.
 */
(() => {
  if (customElements.get("follow-along")) return;

  const VOICE = "follow-along-voice";
  const WAITS = ["set", "reps"]; // segments that wait for the reader

  const clock = (ms) => {
    const s = Math.max(0, Math.ceil(ms / 1000));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  };
  const today = () => new Date().toDateString();
  const load = (key) => {
    try {
      return JSON.parse(localStorage.getItem(key)) ?? {};
    } catch {
      return {};
    }
  };
  const save = (key, value) => {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Private mode or full: the view works without memory.
    }
  };

  class FollowAlong extends HTMLElement {
    connectedCallback() {
      if (!this.ui) {
        this.data = JSON.parse(this.dataset.routine);
        this.dialog = this.querySelector("dialog");
        this.ui = {};
        for (const el of this.querySelectorAll("[data-part]")) this.ui[el.dataset.part] = el;
        this.button = {};
        for (const el of this.querySelectorAll("[data-do]")) this.button[el.dataset.do] ||= el;
        this.key = "follow-along:" + location.pathname;
        this.ui.voice.checked = load(VOICE) === true;
        this.hint = this.ui.last.textContent;
      }
      for (const type of ["click", "change", "breath-phase"]) this.addEventListener(type, this);
      this.dialog.addEventListener("close", this);
      // On the document: a click on the view's text leaves the focus on <body>.
      for (const type of ["keydown", "visibilitychange"]) document.addEventListener(type, this);
      this.showLast();
    }

    disconnectedCallback() {
      for (const type of ["keydown", "visibilitychange"]) document.removeEventListener(type, this);
      this.dialog.close();
      this.closed();
    }

    handleEvent(event) {
      const { type, target, key } = event;
      if (type === "click") {
        const act = target.closest("[data-do]")?.dataset.do;
        if (act === "close") this.dialog.close();
        else if (act === "start" || act === "resume") this.open(act === "start" ? 0 : load(this.key).step);
        else if (act === "set") this.advance();
        else if (act) this[act]();
      } else if (type === "keydown") {
        if (!this.dialog.open) return;
        event.stopPropagation(); // the page's own shortcuts (Material's "n", "/") wait until the view closes
        const move = { ArrowLeft: "previous", ArrowRight: "next" }[key];
        if (move && this.plan) this[move]();
        else if (key === " " && !target.closest("button, input")) this.pause();
        else if (key !== "Tab" || !this.wrap(event.shiftKey)) return;
        event.preventDefault();
      } else if (type === "change") {
        if (target !== this.ui.voice) return; // the breath timer's own sound switch
        save(VOICE, target.checked);
        this.say(this.ui.live.textContent);
      } else if (type === "breath-phase") {
        this.say(event.detail.label);
        navigator.vibrate?.(60);
      } else if (type === "close") {
        this.closed();
      } else if (this.plan && document.visibilityState === "visible") {
        this.lock(); // the system drops a wake lock while the page is hidden
        this.tick();
      }
    }

    open(step) {
      this.dialog.showModal();
      this.started = performance.now();
      this.pausedFor = 0;
      this.showEnd(false);
      this.lock();
      this.go(step || 0);
      this.interval = setInterval(() => this.tick(), 200);
      this.button.pause.focus();
    }

    closed() {
      clearInterval(this.interval);
      this.wake?.release().catch(() => {});
      this.wake = this.plan = null;
      window.speechSynthesis?.cancel();
      this.ui.breath.replaceChildren();
      this.ui.video.replaceChildren();
      this.showLast();
      this.button.start.focus();
    }

    /* Show step `i` from its segment `s`, which began at `origin`. */
    go(i, s = 0, origin = performance.now()) {
      const { steps } = this.data;
      if (i >= steps.length) return this.finish();
      i = Math.max(0, i);
      const fresh = i !== this.i || !this.plan;
      const step = (this.step = steps[i]);
      this.i = i;
      this.s = s;
      this.plan = step.plan;
      this.origin = origin;
      if (this.paused) this.pausedFor += performance.now() - this.pausedAt;
      this.setPaused(false);
      const [kind, , label, detail] = this.plan[s];
      const { ui } = this;
      if (fresh) {
        ui.count.textContent = `Step ${i + 1} of ${steps.length}`;
        ui.step.textContent = step.title;
        ui.dose.textContent = step.dose;
        ui.cues.replaceChildren(...step.cues.map((cue) => Object.assign(document.createElement("li"), { textContent: cue })));
        ui.equipment.textContent = step.equipment && "Equipment: " + step.equipment;
        ui.next.textContent = i + 1 < steps.length ? "Next: " + steps[i + 1].title : "Last step";
        ui.video.replaceChildren();
        this.button.watch.hidden = step.video_at == null || !document.querySelector(".post-video video-facade");
        save(this.key, { ...load(this.key), step: i, day: today() });
      }
      ui.phase.textContent = label;
      ui.detail.textContent = detail;
      ui.clock.hidden = WAITS.includes(kind) || kind === "breath";
      this.button.set.hidden = kind !== "set";
      ui.breath.replaceChildren();
      if (kind === "breath") {
        const timer = document.createElement("breath-timer");
        for (const [name, value] of Object.entries(step.breath)) timer.setAttribute(name, value);
        timer.setAttribute("guided", "");
        ui.breath.append(timer);
        timer.follow(origin);
      }
      const words = fresh ? [`Step ${i + 1} of ${steps.length}.`, step.title + ".", step.dose && step.dose + ".", label] : [label || detail];
      if (words.some(Boolean)) this.say(words.filter(Boolean).join(" "));
      navigator.vibrate?.(60);
      this.tick();
    }

    advance(origin) {
      const next = this.s + 1 < this.plan.length;
      this.go(next ? this.i : this.i + 1, next ? this.s + 1 : 0, origin);
    }

    previous() {
      this.go(this.s ? this.i : this.i - 1);
    }

    next() {
      this.go(this.i + 1);
    }

    tick() {
      if (!this.plan || this.paused) return;
      const [kind, seconds] = this.plan[this.s];
      const elapsed = performance.now() - this.origin;
      const length = seconds * 1000;
      if (!WAITS.includes(kind) && elapsed >= length) return this.advance(this.origin + length);
      this.ui.clock.textContent = clock(length - elapsed);
      const within = WAITS.includes(kind) ? 0 : elapsed / length;
      const done = (this.i + (this.s + within) / this.plan.length) / this.data.steps.length;
      this.ui.bar.style.transform = `scaleX(${done.toFixed(4)})`;
    }

    pause() {
      if (!this.plan) return;
      const now = performance.now();
      const timer = this.ui.breath.firstChild;
      if (this.paused) {
        this.origin += now - this.pausedAt;
        this.pausedFor += now - this.pausedAt;
        this.setPaused(false);
        timer?.follow(this.origin);
        this.lock();
        this.say("Resumed");
      } else {
        this.pausedAt = now;
        this.setPaused(true);
        timer?.pause();
        this.say("Paused");
      }
    }

    setPaused(paused) {
      this.paused = paused;
      this.dialog.dataset.state = paused ? "paused" : "running";
      this.button.pause.textContent = paused ? "Resume" : "Pause";
    }

    finish() {
      const took = performance.now() - this.started - this.pausedFor;
      this.plan = null;
      this.ui.breath.replaceChildren();
      this.ui.video.replaceChildren();
      this.ui.bar.style.transform = "scaleX(1)";
      this.ui.took.textContent = "Time taken: " + clock(Math.floor(took / 1000) * 1000);
      save(this.key, { done: Date.now() });
      this.showEnd(true);
      this.say("Routine complete");
      this.querySelector(".follow__end button").focus();
    }

    showEnd(end) {
      this.ui.now.hidden = this.ui.controls.hidden = end;
      this.ui.end.hidden = !end;
    }

    /* "Last done" and "Resume at step N" from what this device remembers. */
    showLast() {
      const { done, step, day } = load(this.key);
      const date = new Date(done).toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" });
      this.ui.last.textContent = done ? "Last done " + date : this.hint;
      const resume = this.button.resume;
      resume.hidden = !(step > 0 && day === today());
      resume.textContent = resume.hidden ? "" : `Resume at step ${step + 1}`;
    }

    /* Print the routine alone (print.css: html.print-routine), then the page is as it was. */
    print() {
      const root = document.documentElement;
      root.classList.add("print-routine");
      addEventListener("afterprint", () => root.classList.remove("print-routine"), { once: true });
      window.print();
    }

    watch() {
      const page = document.querySelector(".post-video video-facade");
      const video = document.createElement("video-facade");
      video.className = page.className;
      Object.assign(video.dataset, page.dataset);
      if (!this.paused) this.pause();
      this.ui.video.replaceChildren(video);
      video.play(this.step.video_at);
    }

    /* Keep Tab inside the view: past the last control back to the first, and the other way. */
    wrap(back) {
      const controls = [...this.dialog.querySelectorAll("button, input, iframe, video")].filter((el) => el.checkVisibility());
      const at = document.activeElement;
      if (this.dialog.contains(at) && at !== controls.at(back ? 0 : -1)) return false; // the browser moves on
      controls.at(back ? -1 : 0).focus();
      return true;
    }

    /* Announce through the one live region, and speak it when voice guidance is on. */
    say(text) {
      this.ui.live.textContent = text;
      const speech = window.speechSynthesis;
      if (!this.ui.voice.checked || !speech) return;
      speech.cancel();
      const words = new SpeechSynthesisUtterance(text);
      words.lang = document.documentElement.lang;
      speech.speak(words);
    }

    async lock() {
      if (this.wake && !this.wake.released) return;
      try {
        const wake = await navigator.wakeLock?.request("screen");
        if (this.dialog.open) this.wake = wake;
        else wake?.release();
      } catch {
        // Denied or unsupported: the view works without it.
      }
    }
  }

  customElements.define("follow-along", FollowAlong);
})();
