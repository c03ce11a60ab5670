/* <breath-timer>: a breath pacer you can follow with your eyes closed.
 *
 * Upgrades the instructions rendered inside it. With the `guided` attribute
 * it is part of the follow-along view, which runs it (`follow`), holds the
 * wake lock and announces its phases. Every frame derives the phase
 * from one monotonic start time (pausing shifts that time), so the display,
 * the sound cues and the real clock cannot drift apart. Custom elements are
 * upgraded whenever Material's instant navigation inserts a page, and clean up
 * in disconnectedCallback when it removes one.
 */
(() => {
  if (customElements.get("breath-timer")) return;

  const PHASES = [
    // attribute, label, default counts, cue tone (Hz)
    ["inhale", "Breathe in", 4, 660],
    ["hold", "Hold", 0, 550],
    ["exhale", "Breathe out", 6, 440],
    ["hold-out", "Hold", 0, 550],
  ];
  const SOUND = "breath-timer-sound";

  /* Where the pattern is `ms` after its start: the only clock is the argument. */
  const locate = ({ phases, rounds, countMs }, ms) => {
    const cycle = phases.reduce((sum, p) => sum + p.counts * countMs, 0);
    const round = Math.floor(ms / cycle);
    if (round >= rounds) return { done: true };
    let t = ms - round * cycle;
    for (const [index, phase] of phases.entries()) {
      const length = phase.counts * countMs;
      if (t < length) {
        return { round: round + 1, index, phase, progress: t / length, count: Math.ceil((length - t) / countMs) };
      }
      t -= length;
    }
    return { done: true };
  };

  const make = (tag, part, text = "") => {
    const el = document.createElement(tag);
    el.className = "breath-timer__" + part;
    el.textContent = text;
    return el;
  };

  const store = (value) => {
    try {
      return value === undefined ? localStorage.getItem(SOUND) === "on" : localStorage.setItem(SOUND, value ? "on" : "off");
    } catch {
      return false;
    }
  };

  class BreathTimer extends HTMLElement {
    connectedCallback() {
      document.addEventListener("visibilitychange", this);
      if (this.ui) return;
      const number = (name, fallback, min) => {
        const value = parseFloat(this.getAttribute(name));
        return value >= min ? value : fallback;
      };
      this.pattern = {
        phases: PHASES.map(([name, label, counts, pitch]) => ({
          name, label, pitch,
          counts: number(name, counts, name.includes("hold") ? 0 : 0.1),
          cue: this.getAttribute(name + "-cue") || "",
        })).filter((p) => p.counts > 0),
        rounds: Math.round(number("rounds", 6, 1)),
        countMs: number("count-seconds", 1, 0.1) * 1000,
      };
      this.build();
      this.reset();
    }

    disconnectedCallback() {
      document.removeEventListener("visibilitychange", this);
      this.stop("idle");
      this.audio?.close();
      this.audio = null;
    }

    build() {
      const ui = (this.ui = make("div", "ui"));
      ui.setAttribute("role", "group");
      ui.setAttribute("aria-label", "Breath timer");
      const visual = make("div", "visual");
      visual.setAttribute("aria-hidden", "true");
      visual.append(make("div", "shape"), (this.countEl = make("span", "count")));
      const bar = make("div", "bar");
      bar.setAttribute("aria-hidden", "true");
      bar.append(make("div", "fill"));
      this.phaseEl = make("p", "phase");
      this.cueEl = make("p", "cue");
      this.roundEl = make("p", "round");
      this.live = make("p", "live");
      if (!this.hasAttribute("guided")) this.live.setAttribute("aria-live", "polite");
      this.toggle = make("button", "toggle");
      const reset = make("button", "reset", "Reset");
      const label = make("label", "sound", " Sound and vibration");
      this.sound = document.createElement("input");
      this.sound.type = "checkbox";
      this.sound.checked = store();
      label.prepend(this.sound);
      for (const button of [this.toggle, reset]) button.type = "button";
      this.toggle.onclick = () => (this.state === "running" ? this.pause() : this.state === "paused" ? this.resume() : this.start());
      reset.onclick = () => this.reset();
      this.sound.onchange = () => {
        store(this.sound.checked);
        if (this.state === "running") this.cue();
      };
      const controls = make("div", "controls");
      controls.append(this.toggle, reset, label);
      ui.append(visual, bar, this.phaseEl, this.cueEl, this.roundEl, controls, this.live);
      this.querySelector(".breath-timer__fallback")?.setAttribute("hidden", "");
      this.append(ui);
    }

    handleEvent() {
      // The system drops a wake lock when the page is hidden; take it again on return.
      if (document.visibilityState === "visible" && this.state === "running") this.lock();
    }

    set(state, phase, cue, round, button) {
      this.state = this.dataset.state = state;
      this.phaseEl.textContent = phase;
      this.cueEl.textContent = cue;
      this.roundEl.textContent = round;
      this.toggle.textContent = button;
    }

    start() {
      this.follow(performance.now());
    }

    /* Run as if started at `origin` (a performance.now() time). */
    follow(origin) {
      this.origin = origin;
      this.key = "";
      this.run();
    }

    pause() {
      this.stop("paused");
      this.pausedAt = performance.now();
      this.toggle.textContent = "Resume";
      this.say("Paused");
    }

    resume() {
      this.origin += performance.now() - this.pausedAt;
      this.run();
    }

    reset() {
      this.stop("idle");
      const { phases, rounds } = this.pattern;
      const pacing = phases.map((p, i) => `${i ? p.label.toLowerCase() : p.label} ${p.counts}`).join(", ");
      this.set("idle", "Ready", pacing, siteWords.counted(rounds, "round"), "Start");
      this.countEl.textContent = "";
      this.dataset.phase = "";
      this.level(0, 0);
    }

    run() {
      this.state = this.dataset.state = "running";
      this.toggle.textContent = "Pause";
      if (!this.hasAttribute("guided")) this.lock();
      this.cue();
      this.frame();
    }

    stop(state) {
      cancelAnimationFrame(this.raf);
      this.state = this.dataset.state = state;
      this.silence();
      this.wake?.release().catch(() => {});
      this.wake = null;
    }

    frame = () => {
      const now = performance.now() - this.origin;
      const at = locate(this.pattern, now);
      if (at.done) return this.finish();
      const { phase, round, index, progress, count } = at;
      const { rounds } = this.pattern;
      const full = { inhale: progress, hold: 1, exhale: 1 - progress }[phase.name] ?? 0;
      this.level(full, progress);
      if (this.countEl.textContent !== String(count)) this.countEl.textContent = count;
      if (this.key !== round + phase.name) {
        this.key = round + phase.name;
        this.dataset.phase = phase.name;
        this.set("running", phase.label, phase.cue, `Round ${round} of ${rounds}`, "Pause");
        const lead = round > 1 && index === 0 ? `Round ${round} of ${rounds}. ` : "";
        this.say(`${lead}${phase.label}, ${phase.counts}. ${phase.cue}`.trim());
        if (this.sound.checked && !this.hasAttribute("guided")) navigator.vibrate?.(phase.name === "inhale" ? 80 : [40, 60, 40]);
        this.dispatchEvent(new CustomEvent("breath-phase", { bubbles: true, detail: { phase: phase.name, label: phase.label, round, at: now } }));
      }
      this.raf = requestAnimationFrame(this.frame);
    };

    finish() {
      const { rounds } = this.pattern;
      this.stop("done");
      this.set("done", "Done", "Well done.", `${siteWords.counted(rounds, "round")} complete`, "Go again");
      this.countEl.textContent = "";
      this.dataset.phase = "";
      this.level(0, 1);
      this.say(`Done. ${siteWords.counted(rounds, "round")} complete.`);
    }

    level(full, progress) {
      this.style.setProperty("--breath-level", full.toFixed(3));
      this.style.setProperty("--breath-progress", progress.toFixed(3));
    }

    say(text) {
      this.live.textContent = text;
    }

    async lock() {
      if (this.wake && !this.wake.released) return;
      try {
        const wake = await navigator.wakeLock?.request("screen");
        if (this.state === "running") this.wake = wake;
        else wake?.release();
      } catch {
        // Denied or unsupported: the timer works without it.
      }
    }

    /* Schedule a tone at every phase change still ahead, on the audio clock. */
    cue() {
      this.silence();
      if (!this.sound.checked || this.hasAttribute("guided")) return; // guided: the view sounds each phase
      const audio = (this.audio ||= new AudioContext());
      audio.resume();
      const { phases, rounds, countMs } = this.pattern;
      const elapsed = performance.now() - this.origin;
      let at = 0;
      for (let round = 0; round <= rounds; round++) {
        for (const phase of round < rounds ? phases : [{ pitch: 880, counts: 0 }]) {
          if (at >= elapsed - 20) this.tone(audio, audio.currentTime + (at - elapsed) / 1000, phase.pitch);
          at += phase.counts * countMs;
        }
      }
    }

    tone(audio, when, pitch) {
      const start = Math.max(when, audio.currentTime);
      const oscillator = new OscillatorNode(audio, { frequency: pitch });
      const gain = new GainNode(audio, { gain: 0 });
      gain.gain.setTargetAtTime(0.2, start, 0.01);
      gain.gain.setTargetAtTime(0, start + 0.15, 0.08);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.6);
      (this.tones ||= []).push(oscillator);
    }

    silence() {
      for (const oscillator of this.tones || []) oscillator.stop();
      this.tones = [];
    }
  }

  customElements.define("breath-timer", BreathTimer);
})();
