/* <video-facade>: the post's video, which costs nothing and tells no one
 * until the reader presses play (a link to the video without scripts, a
 * button with them). Then it becomes the player in place (same
 * box, so nothing shifts) and takes focus. "Watch this step" links start it
 * at their moment.
 */
(() => {
  if (customElements.get("video-facade")) return;

  const ALLOW = "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share; fullscreen";

  class VideoFacade extends HTMLElement {
    connectedCallback() {
      this.addEventListener("click", this);
      addEventListener("online", this);
      addEventListener("offline", this);
      this.showConnection();
      this.openAtClip();
      // Scripts on, the play control plays here: a button, not a link away.
      const link = this.querySelector("a.post-video__facade");
      if (!link) return;
      const button = document.createElement("button");
      button.type = "button";
      button.className = link.className;
      button.append(...link.childNodes);
      link.replaceWith(button);
    }

    disconnectedCallback() {
      this.removeEventListener("click", this);
      removeEventListener("online", this);
      removeEventListener("offline", this);
    }

    /* A page opened offline (from the service worker's copy) says why the
     * video will not play, over the facade, so nothing moves. */
    showConnection() {
      const line = this.querySelector(".post-video__offline");
      if (line) line.hidden = navigator.onLine;
    }

    handleEvent(event) {
      if (event.type !== "click") return this.showConnection();
      if (!event.target.closest(".post-video__facade")) return;
      event.preventDefault();
      this.play(Number(this.dataset.start) || 0);
    }

    /* A clip's address (the post with ?t=130, as its structured data says):
     * open at the step that starts there, and play from that second. */
    openAtClip() {
      const at = Number(new URLSearchParams(location.search).get("t"));
      if (!(at > 0) || this.dataset.start) return;
      this.dataset.start = at;
      const steps = [...document.querySelectorAll(".routine-step a[data-video-at]")].filter((a) => a.dataset.videoAt <= at);
      steps.at(-1)?.closest(".routine-step").scrollIntoView();
    }

    /* Show the player, starting at `seconds`. */
    play(seconds) {
      const src = this.dataset.src.replace("{t}", seconds);
      let player = this.querySelector(".post-video__player:not(noscript *)");
      if (this.dataset.host === "file") {
        if (!player) {
          player = this.mount("video", { src, controls: true, playsInline: true, preload: "auto", poster: this.dataset.poster || "" });
          if (this.dataset.captions) {
            const track = Object.assign(document.createElement("track"), {
              kind: "captions", src: this.dataset.captions, label: "Captions", default: true,
            });
            track.srclang = document.documentElement.lang || "en";
            player.append(track);
          }
        }
        player.currentTime = seconds;
        player.play().catch(() => {}); // the reader can still press the player's own play
      } else {
        player = this.mount("iframe", {
          src, title: this.dataset.title, allow: ALLOW, allowFullscreen: true,
          referrerPolicy: "strict-origin-when-cross-origin", // YouTube refuses embeds without a referrer
        });
      }
      this.dataset.state = "playing";
      player.focus();
      return player;
    }

    mount(tag, properties) {
      const player = Object.assign(document.createElement(tag), properties);
      player.className = "post-video__player";
      this.replaceChildren(player, ...this.querySelectorAll(".post-video__offline"));
      return player;
    }
  }

  customElements.define("video-facade", VideoFacade);

  document.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[data-video-at]");
    const video = document.querySelector("video-facade");
    if (!link || !video || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    video.play(Number(link.dataset.videoAt));
    const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
    video.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
  });
})();
