/* <routine-start>: "Start routine" under a post's title. Without scripts it
 * is a link to the routine's cards; with them it also presses the routine's
 * own "Start routine" (follow-along.js), so one tap opens the view, and the
 * page behind it waits at the cards.
 */
(() => {
  if (customElements.get("routine-start")) return;

  class RoutineStart extends HTMLElement {
    connectedCallback() {
      this.addEventListener("click", this);
    }

    disconnectedCallback() {
      this.removeEventListener("click", this);
    }

    handleEvent(event) {
      // A new tab or window asked for: the link alone.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      if (!event.target.closest(".routine-start__link")) return;
      const start = document.querySelector("follow-along [data-do=start]");
      if (start && start.checkVisibility()) start.click();
    }
  }

  customElements.define("routine-start", RoutineStart);
})();
