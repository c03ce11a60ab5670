/* <follow-along>: a coach that runs the routine from "Start routine" to
 * "Routine complete" with no tap, so the reader can put the phone down.
 *
 * It plays the script the build wrote for each step (hooks/routines/model/coach.py):
 * each part of a step counts down and moves on by itself; its marks say,
 * show and sound what the cards say, at their moment. The script words
 * nothing itself. Speech is queued, as engines do, and cancelled only when
 * the reader pauses, closes or moves. A step's opening words are waited
 * for (up to the part's `wait`) before "Get ready" counts down. One clock,
 * as in <breath-timer>: a part starts at a performance.now() time that
 * pausing shifts, and every tick derives where the routine is from it, so a
 * tab in the background or a locked screen loses nothing.
 */
(() => {
  if (customElements.get("follow-along")) return;

  const STORE = "follow-along-"; // + voice, sound, tempo: what the reader chose, on this device
  const SKIPS = { time: "Done", reps: "Done", rest: "Skip rest" }; // the primary action, by part
  const PITCH = { go: 880, tick: 660, rep: 587, hold: 494, in: 660, out: 440, switch: 740, rest: 392, end: 988 };
  const LATE = 1500; // ms: a mark this late (the tab was asleep) is shown, not spoken

  const clock = (ms) => {
    const s = Math.max(0, Math.ceil(ms / 1000));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  };
  const today = () => new Date().toDateString();
  // Safari before 17.4 has no checkVisibility().
  const visible = (el) => (el.checkVisibility ? el.checkVisibility() : !!el.offsetParent);
  /* A reps part's moments at a pace: the movement of each rep is scaled, the prescribed hold is not. */
  const paced = ({ kind, rep, hold }, pace) => (at) => {
    if (kind !== "reps" || pace === 1) return at;
    const each = rep + hold;
    const n = Math.floor(at / each + 1e-9);
    const within = at - n * each;
    return n * (rep * pace + hold) + Math.min(within, rep) * pace + Math.max(0, within - rep);
  };
  const load = (key, fallback = {}) => {
    try {
      return JSON.parse(localStorage.getItem(key)) ?? fallback;
    } catch {
      return fallback;
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
        this.ui.voice.checked = load(STORE + "voice", true) === true;
        this.ui.sound.checked = load(STORE + "sound", true) === true;
        this.ui.tempo.value = String(load(STORE + "tempo", 1));
        this.button.fullscreen.hidden = !document.fullscreenEnabled;
        this.ui.tempo.closest("label").hidden = !this.data.steps.some((step) => step.plan.some((part) => part.kind === "reps"));
        this.hint = this.ui.last.textContent;
      }
      for (const type of ["click", "change"]) this.addEventListener(type, this);
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
        else if (act) this[act]();
      } else if (type === "keydown") {
        if (!this.dialog.open) return;
        event.stopPropagation(); // the page's own shortcuts (Material's "n", "/") wait until the view closes
        const move = { ArrowLeft: "previous", ArrowRight: "next" }[key];
        const control = target.closest("input, select");
        if (move && this.plan && !control) this[move]();
        else if (key === " " && this.plan && !control) this.pause(); // on a button too: Space never skips twice
        else if (key !== "Tab" || !this.wrap(event.shiftKey)) return;
        event.preventDefault();
      } else if (type === "change") {
        this.changed(target);
      } else if (type === "close") {
        this.closed();
      } else if (this.plan && document.visibilityState === "visible") {
        this.lock(); // the system drops a wake lock while the page is hidden
        this.tick();
      }
    }

    changed(target) {
      const { voice, sound, tempo } = this.ui;
      if (![voice, sound, tempo].includes(target)) return; // the breath timer's own switch
      save(STORE + target.dataset.part, target === tempo ? Number(tempo.value) : target.checked);
      if (target === sound && sound.checked) this.tone("go", this.sounds());
      if (target === voice && !voice.checked) window.speechSynthesis?.cancel();
      if (target === voice) this.say(this.ui.phase.textContent);
    }

    open(step) {
      this.dialog.showModal();
      this.started = performance.now();
      this.pausedFor = 0;
      this.skipped = new Set();
      this.setPaused(false);
      this.showEnd(false);
      this.sounds(); // on the tap that starts the routine: browsers allow audio only from one
      this.lock();
      this.go(Math.min(step || 0, this.data.steps.length - 1)); // a step remembered from a longer routine
      this.interval = setInterval(() => this.tick(), 100);
      this.button.pause.focus();
    }

    closed() {
      clearInterval(this.interval);
      this.wake?.release().catch(() => {});
      this.wake = this.plan = null;
      window.speechSynthesis?.cancel();
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      this.ui.breath.replaceChildren();
      this.ui.video.replaceChildren();
      this.showLast();
      this.button.start.focus();
    }

    /* Run part `s` of step `i` from `origin`; `natural` when the last part ran out by itself. */
    go(i, s = 0, origin = performance.now(), natural = false) {
      const { steps } = this.data;
      if (i >= steps.length) return this.finish(natural);
      i = Math.max(0, i);
      if (!natural) window.speechSynthesis?.cancel(); // the reader moved: what was queued is past
      const fresh = i !== this.i || !this.plan;
      const step = (this.step = steps[i]);
      this.i = i;
      this.s = s;
      this.plan = step.plan;
      const part = (this.current = this.plan[s]);
      this.paced = paced(part, Number(this.ui.tempo.value) || 1);
      this.origin = origin;
      this.m = 0;
      if (this.paused) this.pausedFor += performance.now() - this.pausedAt;
      this.setPaused(false);
      const { ui, button } = this;
      if (fresh) {
        ui.count.textContent = `Step ${i + 1} of ${steps.length}`;
        ui.step.textContent = step.title;
        ui.dose.textContent = step.dose;
        ui.text.innerHTML = step.text; // the card's own text, as the build rendered it
        ui.cues.replaceChildren(...step.cues.map((cue) => Object.assign(document.createElement("li"), { textContent: cue })));
        ui.equipment.textContent = step.equipment && "Equipment: " + step.equipment;
        ui.next.textContent = i + 1 < steps.length ? "Next: " + steps[i + 1].title : "Last step";
        ui.video.replaceChildren();
        button.watch.hidden = step.video_at == null || !document.querySelector(".post-video video-facade");
        save(this.key, { ...load(this.key), step: i, day: today() });
      }
      this.dialog.dataset.kind = part.kind;
      ui.phase.textContent = part.label;
      ui.detail.textContent = "";
      ui.clock.hidden = part.kind === "breath";
      button.skip.hidden = !SKIPS[part.kind];
      button.skip.textContent = SKIPS[part.kind] || "";
      ui.breath.replaceChildren();
      if (part.kind === "breath") {
        const timer = document.createElement("breath-timer");
        for (const [name, value] of Object.entries(step.breath)) timer.setAttribute(name, value);
        timer.setAttribute("guided", "");
        ui.breath.append(timer);
        timer.follow(origin);
      }
      this.waiting = part.wait && this.speaking() ? performance.now() + part.wait * 1000 : 0;
      if (this.waiting) this.mark(0, (words) => (words.onend = words.onerror = () => this.release(words)));
      const focused = document.activeElement;
      if (!focused || !visible(focused) || !this.dialog.contains(focused)) button.pause.focus();
      this.tick();
    }

    /* The opening words were spoken (or took too long): "Get ready" counts down from now. */
    release(words) {
      if (!this.waiting || (words && words !== this.opening)) return;
      this.waiting = 0;
      this.origin = performance.now();
    }

    advance(origin, natural) {
      if (natural && this.current.end) this.say(this.current.end);
      const next = this.s + 1 < this.plan.length;
      this.go(next ? this.i : this.i + 1, next ? this.s + 1 : 0, origin, natural);
    }

    previous() {
      this.go(this.s ? this.i : this.i - 1);
    }

    /* The next step; during a rest, the next set. */
    next() {
      if (this.current?.kind === "rest") return this.skip();
      this.skipped?.add(this.i);
      this.go(this.i + 1);
    }

    /* "Done" or "Skip rest": on to the next part now. */
    skip() {
      window.speechSynthesis?.cancel();
      this.advance(performance.now(), false);
    }

    tick() {
      if (!this.plan || this.paused) return;
      const now = performance.now();
      if (this.waiting && now >= this.waiting) this.release();
      const length = this.paced(this.current.seconds) * 1000;
      const elapsed = this.waiting ? 0 : now - this.origin;
      const { marks } = this.current;
      while (!this.waiting && this.m < marks.length && this.paced(marks[this.m][0]) * 1000 <= elapsed) {
        this.mark(elapsed - this.paced(marks[this.m][0]) * 1000);
      }
      if (elapsed >= length) return this.advance(this.origin + length, true);
      this.ui.clock.textContent = clock(length - elapsed);
      const done = (this.i + (this.s + elapsed / length) / this.plan.length) / this.data.steps.length;
      this.ui.bar.style.transform = `scaleX(${done.toFixed(4)})`;
    }

    /* Play the next mark, `late` ms after its moment: show its line, say its words, sound its tone. */
    mark(late, then) {
      const [, say, show, tone] = this.current.marks[this.m++];
      if (show) this.ui.detail.textContent = show;
      if (late > LATE) return;
      if (say) {
        const words = this.say(say, this.m === 1 && this.current.wait);
        if (words && then) then((this.opening = words));
      }
      if (tone) this.tone(tone);
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
        if (this.waiting) this.release(); // the count starts where it would have
        this.pausedAt = now;
        this.setPaused(true);
        timer?.pause();
        window.speechSynthesis?.cancel();
        this.say("Paused");
      }
    }

    setPaused(paused) {
      this.paused = paused;
      this.dialog.dataset.state = paused ? "paused" : "running";
      this.button.pause.textContent = paused ? "Resume" : "Pause";
    }

    finish(natural) {
      if (this.paused) this.pausedFor += performance.now() - this.pausedAt;
      this.setPaused(false);
      const took = performance.now() - this.started - this.pausedFor;
      const { steps, finish } = this.data;
      this.plan = null;
      this.ui.breath.replaceChildren();
      this.ui.video.replaceChildren();
      this.ui.bar.style.transform = "scaleX(1)";
      const skipped = this.skipped.size ? ` · ${siteWords.counted(this.skipped.size, "step")} of ${steps.length} skipped` : "";
      this.ui.took.textContent = "Time taken: " + clock(Math.max(took, 1000)) + skipped;
      save(this.key, { done: Date.now() });
      this.showEnd(true);
      if (!natural) window.speechSynthesis?.cancel();
      this.say(finish);
      this.tone("end");
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

    /* The whole page, not the dialog (browsers refuse a dialog): the open view covers it. */
    fullscreen() {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      else document.documentElement.requestFullscreen().catch(() => {});
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
      const controls = [...this.dialog.querySelectorAll("button, input, select, iframe, video")].filter(visible);
      const at = document.activeElement;
      if (this.dialog.contains(at) && at !== controls.at(back ? 0 : -1)) return false; // the browser moves on
      controls.at(back ? -1 : 0).focus();
      return true;
    }

    speaking() {
      return this.ui.voice.checked && !!window.speechSynthesis;
    }

    /* Announce through the one live region and, with voice guidance on, queue it
     * behind what is being said: the routine's own progress never cuts words off. */
    say(text) {
      this.ui.live.textContent = text;
      if (!this.speaking() || !text) return null;
      const words = new SpeechSynthesisUtterance(text);
      words.lang = document.documentElement.lang;
      speechSynthesis.speak(words);
      return words;
    }

    /* The view's one AudioContext, made or woken on a tap; null with sound off. */
    sounds() {
      if (!this.ui.sound.checked || !window.AudioContext) return null;
      this.audio ||= new AudioContext();
      this.audio.resume().catch(() => {});
      return this.audio;
    }

    tone(name, audio = this.ui.sound.checked && this.audio) {
      if (!audio || !PITCH[name]) return;
      const start = audio.currentTime;
      const oscillator = new OscillatorNode(audio, { frequency: PITCH[name] });
      const gain = new GainNode(audio, { gain: 0 });
      gain.gain.setTargetAtTime(name === "tick" || name === "rep" ? 0.12 : 0.22, start, 0.01);
      gain.gain.setTargetAtTime(0, start + 0.15, 0.08);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.6);
      if (name === "go" || name === "switch" || name === "end") navigator.vibrate?.(120);
      else if (name === "in" || name === "out") navigator.vibrate?.(60);
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
