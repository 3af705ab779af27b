/* Podium video index (embed.js). Plain ES2020, no dependencies.
   1. Iframe page: every [data-podium-index="index.json"] element is rendered
      in the light DOM (its static no-JS list is replaced), height is posted
      to the parent window as {type:"podium:height", height, href}.
   2. Web component: <podium-video-index src=".../index.json"> (Shadow DOM).
   3. A video's own page: a [data-podium-embed] facade becomes the provider's
      player only when the visitor clicks it.
   Data is only ever put into the DOM as text or checked attributes. */
(() => {
  "use strict";
  const CSS = "/* Podium video index. Used inline in the iframe page (light DOM) and inside the\n   <podium-video-index> Shadow DOM. Everything is scoped under .podium; .podium\n   resets all inherited properties, so nothing from a host page leaks in.\n   Sizes are in em from font-size:medium (the reader's default size), so a host\n   page's root font-size cannot shrink the index. */\n:host{display:block!important;text-decoration:none!important}\n:host([hidden]){display:none!important}\n.podium-page{margin:0;background:#fff} /* <body class=\"podium-page\"> of the iframe page */\n.podium{all:initial;display:block;box-sizing:border-box;padding:1em;background:#fff;color:#1b1b1b;\n  font:400 medium/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif;\n  text-align:start;overflow-wrap:break-word;-webkit-text-size-adjust:100%;text-size-adjust:100%}\n.podium *,.podium ::before,.podium ::after{box-sizing:inherit}\n.podium [hidden]{display:none!important}\n.podium :focus-visible{outline:3px solid #0a4d8c;outline-offset:2px}\n.podium a{color:#0a4d8c;text-decoration:underline;text-underline-offset:.15em}\n.podium a:hover{color:#06325c;text-decoration-thickness:2px}\n.podium button{margin:0;font:inherit;letter-spacing:inherit;text-transform:none;-webkit-appearance:none;appearance:none;cursor:pointer}\n.podium-heading{margin:0 0 .75em;font-size:1.5em;font-weight:700;line-height:1.25}\n.podium-error{color:#8a1c1c}\n\n/* Theme filter: toggle buttons; pressed = filled + check mark (not colour alone) */\n.podium-filter{display:flex;flex-wrap:wrap;gap:.5em;margin:0 0 1em}\n.podium-filter button{display:inline-flex;align-items:center;min-height:2.5em;padding:.375em 1em;border:2px solid #0a4d8c;\n  border-radius:1.25em;background:#fff;color:#0a4d8c;font-size:.9375em;font-weight:600;line-height:1.2;text-align:center}\n.podium-filter button:hover{background:#e6eef7}\n.podium-filter [aria-pressed=true]{background:#0a4d8c;color:#fff}\n.podium-filter [aria-pressed=true]::before{content:\"\\2713\";margin-inline-end:.4em}\n.podium-status{margin:0 0 1em;color:#4a4a4a;font-size:.875em}\n\n/* Grid of cards */\n.podium-videos{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(16em,100%),1fr));gap:2em 1.25em;\n  margin:0;padding:0;list-style:none}\n.podium-video{display:flex;flex-direction:column;min-width:0;margin:0;padding:0}\n.podium-player{margin:0 0 .75em}\n.podium-play{display:grid;width:100%;padding:0;border:0;border-radius:.5em;overflow:hidden;background:#1b1b1b;color:#fff;text-align:start}\n.podium-poster,.podium-icon{grid-area:1/1}\n.podium-poster{display:block;width:100%;height:auto;aspect-ratio:16/9;object-fit:cover;margin:0;border:0;border-radius:.5em;background:#3a3a3a}\n.podium-play .podium-poster{border-radius:0}\n.podium-media,.podium-frame{display:block;width:100%;height:auto;aspect-ratio:16/9;margin:0;border:0;border-radius:.5em;background:#000}\n\n/* Play icon: dark disc with white ring and a CSS triangle */\n.podium-icon{place-self:center;position:relative;width:3.5em;height:3.5em;border-radius:50%;background:rgba(0,0,0,.75);\n  box-shadow:0 0 0 3px #fff;transition:transform .15s,background-color .15s}\n.podium-icon::after{content:\"\";position:absolute;top:50%;left:55%;transform:translate(-50%,-50%);\n  border-style:solid;border-width:.75em 0 .75em 1.25em;border-color:transparent transparent transparent #fff}\n.podium-play:hover .podium-icon,.podium-play:focus-visible .podium-icon{background:#0a4d8c;transform:scale(1.1)}\n.podium-note{display:block;padding:.5em .75em;background:#1b1b1b;color:#fff;font-size:.8125em;line-height:1.4}\n\n.podium-title{margin:0 0 .25em;font-size:1.125em;font-weight:700;line-height:1.3}\n.podium-meta{margin:0;color:#4a4a4a;font-size:.875em}\n.podium-summary{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:4;overflow:hidden;margin:.5em 0 0;font-size:.9375em}\n.podium-themes{display:flex;flex-wrap:wrap;gap:.375em;margin:.75em 0 0;padding:0;list-style:none}\n.podium-themes li{margin:0;padding:.125em .625em;border-radius:1em;background:#edf1f6;color:#1b1b1b;font-size:.8125em}\n\n@media (prefers-reduced-motion:reduce){.podium *{transition:none!important;animation:none!important}}\n@media (forced-colors:active){.podium-icon{forced-color-adjust:none}.podium-filter [aria-pressed=true]{outline:2px solid}}\n";
  const TAG = "podium-video-index";
  const FRAME_HOSTS = ["www.youtube-nocookie.com", "player.vimeo.com"];
  const DEFAULTS = {
    play: "Play", filter: "Filter by theme", allThemes: "All themes",
    captions: "Captions", subtitles: "Subtitles", count: "{n} videos", countOne: "1 video",
    external: "Plays via {provider}. Only then does {provider} load the video and may collect your data.",
    watchOn: "Watch on {provider}"
  };
  const roots = new Set(); // every rendered .podium, for "one video plays at a time"
  let uid = 0;

  const text = (v) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
  const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const fill = (s, vars) => text(s).replace(/\{(\w+)\}/g, (m, k) => (own(vars, k) ? vars[k] : m));
  const primary = (lang) => lang.split("-")[0].toLowerCase();

  // Absolute http(s) URL string, or null (drops javascript:, data:, blob:, …).
  const safeURL = (u, base) => {
    const s = text(u).trim();
    if (!s) return null;
    try {
      const x = new URL(s, base);
      return x.protocol === "https:" || x.protocol === "http:" ? x.href : null;
    } catch (e) { return null; }
  };
  // Embed URL for the click-to-load facade: https and an allow-listed host only.
  const frameURL = (u, base) => {
    const s = safeURL(u, base);
    const x = s && new URL(s);
    return x && x.protocol === "https:" && FRAME_HOSTS.includes(x.host) ? s : null;
  };

  // el("a", {href}, "text", child…): attributes null/false are skipped, true is "".
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const k in attrs) {
      const v = attrs[k];
      if (v != null && v !== false) e.setAttribute(k, v === true ? "" : v);
    }
    e.append(...kids.filter((k) => k != null)); // strings become text nodes
    return e;
  };

  const load = async (url) => {
    if (!url) throw new Error("no index URL");
    const r = await fetch(url, { credentials: "same-origin" });
    if (!r.ok) throw new Error("HTTP " + r.status);
    return { data: await r.json(), base: r.url || url };
  };

  // One player at a time: pause every other inline video, and put the poster back in place of
  // any provider's player (a cross-origin frame can't be paused, only taken away).
  const stopOthers = (playing) => {
    for (const r of roots) {
      if (!r.isConnected) { roots.delete(r); continue; }
      r.querySelectorAll("video").forEach((v) => v !== playing && !v.paused && v.pause());
      r.querySelectorAll("iframe").forEach((f) => f !== playing && f._restore && f._restore());
    }
  };
  const onPlay = (e) => stopOthers(e.target); // "play" does not bubble: listened for in capture

  // The provider's player, allowed to autoplay: it only exists after a click.
  const providerFrame = (src, title) => el("iframe", {
    class: "podium-frame", title, allow: "autoplay; encrypted-media; fullscreen; picture-in-picture",
    allowfullscreen: true, referrerpolicy: "strict-origin-when-cross-origin", src
  });

  // Build the index. opts: {heading: "h1"|"h2", base: URL of the JSON, changed()}.
  function build(data, opts = {}) {
    if (!data || data.version !== 1 || !Array.isArray(data.videos)) throw new Error("unsupported index");
    const base = opts.base || document.baseURI;
    const changed = opts.changed || (() => {});
    const show = data.show && typeof data.show === "object" ? data.show : {};
    const lang = text(show.language);
    const labels = data.labels && typeof data.labels === "object" ? data.labels : {};
    const L = {};
    for (const k in DEFAULTS) L[k] = typeof labels[k] === "string" ? labels[k] : DEFAULTS[k];
    const level = opts.heading === "h1" ? 1 : 2;
    let compare;
    try { compare = new Intl.Collator(lang || undefined).compare; } catch (e) { compare = new Intl.Collator().compare; }
    const id = "podium" + ++uid;
    const videos = data.videos.filter((v) => v && typeof v === "object");
    const themesOf = (v) => (Array.isArray(v.themes) ? [...new Set(v.themes.map(text).filter(Boolean))] : []);

    const root = el("div", { class: "podium", lang: lang || null });
    roots.add(root);
    root.addEventListener("play", onPlay, true);
    root.append(el("h" + level, { class: "podium-heading" }, text(show.title)));

    // Theme filter: "all" first, then the themes in the show's collation order.
    const items = []; // [li, themes]
    const status = el("p", { class: "podium-status", "aria-live": "polite" });
    const apply = (theme) => {
      let n = 0;
      for (const [li, th] of items) {
        li.hidden = theme !== null && !th.includes(theme);
        if (li.hidden) {
          li.querySelectorAll("video").forEach((v) => v.pause());
          li.querySelectorAll("iframe").forEach((f) => f._restore && f._restore());
        }
        else n++;
      }
      status.textContent = n === 1 ? L.countOne : fill(L.count, { n: String(n) });
      changed();
    };
    const all = [...new Set(videos.flatMap(themesOf))].sort(compare);
    if (all.length) {
      const buttons = [null, ...all].map((t) => {
        const b = el("button", { type: "button", "aria-pressed": String(t === null) }, t === null ? L.allThemes : t);
        b.addEventListener("click", () => {
          buttons.forEach((x) => x.setAttribute("aria-pressed", String(x === b)));
          apply(t);
        });
        return b;
      });
      root.append(el("div", { class: "podium-filter", role: "group", "aria-label": L.filter }, ...buttons));
    }

    // Click: swap the poster button for a <video> with sources and tracks.
    const startVideo = (btn, sources, caps, poster, w, h) => {
      const cross = caps.some((c) => new URL(c.src).origin !== location.origin);
      const video = el("video", {
        class: "podium-media", crossorigin: cross ? "anonymous" : null, // tracks need CORS then
        controls: true, playsinline: true, preload: "none", width: w, height: h, poster
      });
      for (const s of sources) video.append(el("source", { src: s.src, type: s.type }));
      // Captions in the show's language, subtitles in others; the first caption track is on.
      const own = (c) => c.lang && lang && primary(c.lang) === primary(lang);
      const first = caps.findIndex(own);
      caps.forEach((c, i) => {
        const kind = c.kind || (own(c) ? "captions" : "subtitles");
        video.append(el("track", { kind, srclang: c.lang || null, label: c.label || c.lang || L[kind], default: i === first, src: c.src }));
      });
      btn.replaceWith(video);
      video.focus();
      const p = video.play();
      if (p && p.catch) p.catch(() => {});
      video.addEventListener("loadedmetadata", changed);
      changed();
    };
    // Click: only now load the provider's player (nothing from it before).
    const startFrame = (btn, src, title) => {
      const f = providerFrame(src, title);
      f._restore = () => { f.replaceWith(btn); changed(); };
      btn.replaceWith(f);
      stopOthers(f);
      f.focus();
      changed();
    };

    const item = (v, i) => {
      const title = text(v.title);
      const th = themesOf(v);
      const li = el("li", { class: "podium-video", "data-id": text(v.id) || null });
      const p = v.poster && typeof v.poster === "object" ? v.poster : {};
      const dim = (x) => (Number.isInteger(x) && x > 0 ? String(x) : null);
      const poster = safeURL(p.url, base), w = dim(p.width), h = dim(p.height);
      const sources = (Array.isArray(v.sources) ? v.sources : [])
        .map((s) => s && { src: safeURL(s.url, base), type: text(s.type) || null })
        .filter((s) => s && s.src);
      const caps = (Array.isArray(v.captions) ? v.captions : [])
        .map((c) => c && { src: safeURL(c.url, base), lang: text(c.language), label: text(c.label) })
        .filter((c) => c && c.src);
      // The chapters as a track of their own, which the browser's player lists.
      const chap = v.chapters && typeof v.chapters === "object" ? safeURL(v.chapters.url, base) : null;
      if (chap) caps.push({ src: chap, kind: "chapters", label: text(v.chapters.label) });
      const ext = v.external && typeof v.external === "object" ? v.external : null;
      const provider = ext ? text(ext.provider) : "";
      const frame = !sources.length && ext ? frameURL(ext.embed, base) : null;

      const img = poster
        ? el("img", { class: "podium-poster", alt: "", width: w, height: h, loading: "lazy", decoding: "async", src: poster })
        : el("span", { class: "podium-poster" });
      const player = el("div", { class: "podium-player" });
      if (sources.length || frame) {
        const btn = el("button", { type: "button", class: "podium-play", "aria-label": title ? L.play + ": " + title : L.play },
          img, el("span", { class: "podium-icon", "aria-hidden": "true" }));
        if (frame) {
          const nid = id + "-note" + i;
          btn.append(el("span", { class: "podium-note", id: nid }, fill(L.external, { provider })));
          btn.setAttribute("aria-describedby", nid);
        }
        btn.addEventListener("click", () => (frame ? startFrame(btn, frame, title || provider) : startVideo(btn, sources, caps, poster, w, h)));
        player.append(btn);
      } else player.append(img); // nothing playable here: poster only

      const page = safeURL(v.page, base);
      const meta = el("p", { class: "podium-meta" });
      const add = (node) => node && meta.append(meta.firstChild ? " · " : "", node);
      const dt = text(v.dateText) || text(v.date);
      add(dt && el("time", { datetime: text(v.date) || null }, dt));
      add(text(v.durationText) && el("span", { class: "podium-duration" }, text(v.durationText)));
      const watch = ext && provider && safeURL(ext.url, base);
      add(watch && el("a", { class: "podium-watch", href: watch }, fill(L.watchOn, { provider })));

      const link = page && el("a", { href: page, target: opts.target || null }, title);
      li.append(player, el("h" + (level + 1), { class: "podium-title" }, link || title));
      if (meta.firstChild) li.append(meta);
      if (text(v.summary)) li.append(el("p", { class: "podium-summary" }, text(v.summary)));
      if (th.length) li.append(el("ul", { class: "podium-themes" }, ...th.map((t) => el("li", {}, t))));
      items.push([li, th]);
      return li;
    };

    root.append(status, el("ul", { class: "podium-videos" }, ...videos.map(item)));
    apply(null);
    return root;
  }

  // A video page's facade: the link to the provider stays a link without script; with it, a
  // click swaps in the provider's privacy-enhanced player, and nothing loads before that.
  function facades() {
    document.querySelectorAll("[data-podium-embed]").forEach((box) => {
      const src = frameURL(box.getAttribute("data-podium-embed"), document.baseURI);
      const link = box.querySelector("a");
      if (!src || !link || box.hasAttribute("data-podium-state")) return;
      box.setAttribute("data-podium-state", "ready");
      link.addEventListener("click", (e) => {
        e.preventDefault();
        const f = providerFrame(src, text(box.getAttribute("data-title")));
        link.replaceWith(f);
        f.focus();
      });
    });
  }

  // Iframe page mode: render each [data-podium-index] and report our height.
  function boot() {
    facades();
    const hosts = document.querySelectorAll("[data-podium-index]");
    if (!hosts.length) return;
    const framed = window.parent !== window;
    let last = -1, timer = 0;
    const post = () => {
      // The <html> box height (scrollHeight never drops below the iframe's own height).
      const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (h !== last) window.parent.postMessage({ type: "podium:height", height: (last = h), href: location.href }, "*");
    };
    const changed = () => { if (framed) { clearTimeout(timer); timer = setTimeout(post, 30); } };
    if (framed && window.ResizeObserver) {
      const ro = new ResizeObserver(changed);
      ro.observe(document.documentElement);
      if (document.body) ro.observe(document.body);
    }
    hosts.forEach(async (host) => {
      if (host.hasAttribute("data-podium-state")) return; // already handled (script included twice)
      host.setAttribute("data-podium-state", "loading");
      try {
        const { data, base } = await load(safeURL(host.getAttribute("data-podium-index"), document.baseURI));
        // Framed, a title opens the video's page in the whole window, not inside the frame.
        host.replaceChildren(build(data, { heading: "h1", base, changed, target: framed ? "_top" : null }));
        host.setAttribute("data-podium-state", "ready");
      } catch (e) {
        host.setAttribute("data-podium-state", "error"); // keep the static list
      }
      changed();
    });
  }

  // Web component: Shadow DOM, so host-page CSS cannot reach inside.
  let sheet = null;
  const styles = (shadow) => {
    try {
      if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
      shadow.adoptedStyleSheets = [sheet]; // not subject to the host's style-src CSP
      return [];
    } catch (e) {
      const s = el("style");
      s.textContent = CSS;
      return [s];
    }
  };

  if (window.customElements && window.HTMLElement) {
    class PodiumVideoIndex extends HTMLElement {
      static get observedAttributes() { return ["src"]; }
      connectedCallback() { this._load(); }
      attributeChangedCallback() { if (this.isConnected) this._load(); }
      async _load() {
        const shadow = this.shadowRoot || this.attachShadow({ mode: "open" });
        const url = safeURL(this.getAttribute("src"), document.baseURI);
        if (this._url === url) return; // same src (upgrade, re-insertion)
        this._url = url;
        let node;
        try {
          const { data, base } = await load(url);
          node = build(data, { heading: "h2", base });
        } catch (e) {
          // Plain text, plus the element's own children as a fallback (e.g. a link).
          node = el("div", { class: "podium podium-error", role: "status" }, "The video index could not be loaded. ", el("slot"));
        }
        if (this._url === url) shadow.replaceChildren(...styles(shadow), node);
      }
    }
    // For tests/other pages: customElements.get("podium-video-index").render(el, data, opts)
    PodiumVideoIndex.render = (root, data, opts) => root.replaceChildren(build(data, opts));
    if (!customElements.get(TAG)) customElements.define(TAG, PodiumVideoIndex);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
