"""Scripts a test adds to a page before it loads: stand-ins for the device, that record what the page asks of it."""

from __future__ import annotations

# Wake lock, tones (every oscillator started, with its pitch) and vibration.
DEVICE_PROBES = """
window.__wake = { requests: 0, active: 0 };
Object.defineProperty(navigator, "wakeLock", { configurable: true, value: { request: async () => {
  __wake.requests++; __wake.active++;
  let released = false;
  return { get released() { return released; }, release: async () => { if (!released) { released = true; __wake.active--; } } };
} } });
window.__tones = []; window.__stopped = 0; window.__closed = 0; window.__buzz = [];
const start = OscillatorNode.prototype.start, stop = OscillatorNode.prototype.stop, close = AudioContext.prototype.close;
OscillatorNode.prototype.start = function (when) {
  __tones.push({ after: when - this.context.currentTime, pitch: this.frequency.value, at: performance.now() }); return start.call(this, when);
};
OscillatorNode.prototype.stop = function (when) { if (when === undefined) __stopped++; return stop.call(this, when); };
AudioContext.prototype.close = function () { __closed++; return close.call(this); };
navigator.vibrate = (pattern) => { __buzz.push(pattern); return true; };
"""

# A speech engine that behaves like a real one, on the page's clock: it speaks
# one utterance at a time at 150 words a minute, queues what it is given
# meanwhile, fires "start" and "end", and on cancel() cuts the one being
# spoken (an "error" event) and drops the queue. `__speech.log` has every
# utterance: its text, when it was queued, started and ended, or cut/dropped.
SPEECH = """
window.__speech = { log: [], cuts: 0, dropped: 0 };
(() => {
  const queue = [];
  let current = null, timer = 0;
  const next = () => {
    current = queue.shift() || null;
    if (!current) return;
    const entry = current.__entry;
    entry.start = performance.now();
    current.dispatchEvent(new Event("start"));
    const words = current.text.split(/\\s+/).filter(Boolean).length;
    timer = setTimeout(() => {
      entry.end = performance.now();
      const done = current;
      current = null;
      done.dispatchEvent(new Event("end"));
      next();
    }, words * 400);
  };
  Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
    get speaking() { return !!current; },
    get pending() { return queue.length > 0; },
    speak(words) {
      words.__entry = { text: words.text, queued: performance.now() };
      __speech.log.push(words.__entry);
      queue.push(words);
      if (!current) next();
    },
    cancel() {
      clearTimeout(timer);
      for (const words of queue.splice(0)) { words.__entry.dropped = true; __speech.dropped++; }
      if (current) {
        const cut = current;
        current = null;
        cut.__entry.cut = performance.now();
        __speech.cuts++;
        cut.dispatchEvent(new Event("error"));
      }
    },
    getVoices: () => [], pause() {}, resume() {},
  } });
})();
"""
