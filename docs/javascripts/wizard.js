/* The wizard: the server rendered the form with the default answers and their result; this script
   fetches the wizard's data file (the tree of questions and every outcome, computed at build time from
   data/wizard.yml and the catalog) and shows the result for the answers chosen. No image names and no
   rules here: it follows the tree, fills the result's slots and draws the small Dockerfile diff.
   No words either: the data file is in English and shared by every edition; the page carries, in its own
   language (data-wizard-words, from data/messages), the data's texts index for index and the sentences
   this script writes. */
(function () {
  "use strict";
  var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  var loading = Object.create(null); // data file URL -> promise of its data (kept across instant navigation)

  function start() {
    var root = document.querySelector("[data-wizard]");
    if (!root || root.getAttribute("data-bound")) return; // not this page, or already wired
    root.setAttribute("data-bound", "1");
    // Material's instant navigation parses the new page with scripting off, so the <noscript> style
    // that hides the form from readers without JavaScript became a live element: take it out.
    root.querySelectorAll("noscript style").forEach(function (style) { style.remove(); });
    var src = new URL(root.getAttribute("data-wizard-src"), location.href).href;
    var words = JSON.parse(root.getAttribute("data-wizard-words"));
    if (!loading[src]) {
      loading[src] = fetch(src).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
      loading[src].catch(function () { delete loading[src]; }); // a later visit tries again
    }
    var early = []; // answers given before the data arrived, applied in order once it has
    var form = root.querySelector("form");
    var remember = function (event) { if (event.target.name) early.push([event.target.name, event.target.value]); };
    form.addEventListener("change", remember);
    loading[src].then(function (data) {
      form.removeEventListener("change", remember);
      bind(root, data, words, early);
    }, function () {
      var notice = root.querySelector("[data-wizard-notice]");
      notice.textContent = words.ui.load_failed;
      notice.hidden = false;
    });
  }

  function bind(root, data, words, early) {
    var form = root.querySelector("form");
    var out = root.querySelector("[data-wizard-result]");
    var notice = root.querySelector("[data-wizard-notice]");
    var answers = Object.create(null);
    var ignored = [];
    var params = new URLSearchParams(location.search);
    var shared = false;
    params.forEach(function (value, key) {
      if (data.keys.indexOf(key) < 0) ignored.push(key); else { answers[key] = value; shared = true; }
    });
    var found = walk(data, answers);
    found.path.forEach(function (step) {
      var given = answers[step[0]];
      if (given !== undefined && given !== step[1]) ignored.push(step[0] + "=" + given);
    });
    if (ignored.length) {
      notice.textContent = fill(words.ui.ignored, { settings: ignored.map(shown).slice(0, 5).join(", ") });
      notice.hidden = false;
    }
    early.forEach(function (change) { answers[change[0]] = change[1]; });
    found = walk(data, answers);
    form.addEventListener("change", function (event) {
      if (event.target.name) set([[event.target.name, event.target.value]]);
    });
    out.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-key], button[data-changes]");
      if (!button) return;
      if (button.hasAttribute("data-changes")) {
        set(JSON.parse(button.getAttribute("data-changes")), true);
        out.focus({ preventScroll: true });
        return;
      }
      set([[button.getAttribute("data-key"), button.getAttribute("data-value")]]);
      var input = form.querySelector("input[name='" + CSS.escape(button.getAttribute("data-key")) + "']:checked");
      if (input) input.focus();
    });
    // The server rendered the default outcome: draw again only when the answers lead elsewhere.
    var again = String(found.index) !== out.getAttribute("data-index") || has(found.outcome, "sw");
    update(root, data, words, found, again);
    // Scroll in the frame after the one that drew the answers: in the same frame, whatever the answers
    // moved above the result would count as a layout shift of the result coming into view.
    var ready = function () { root.setAttribute("data-ready", "1"); };
    if (shared || location.hash === "#wizard-result") {
      requestAnimationFrame(function () {
        requestAnimationFrame(function () { out.scrollIntoView({ block: "start" }); ready(); });
      });
    } else ready();

    function set(changes, fromPath) {
      if (fromPath) { // a switch: the answers of the path shown, then its changes (stale answers dropped)
        answers = Object.create(null);
        found.path.forEach(function (step) { answers[step[0]] = step[1]; });
      }
      changes.forEach(function (change) { answers[change[0]] = change[1]; });
      notice.hidden = true;
      found = walk(data, answers);
      update(root, data, words, found, true);
    }
  }

  /* A value from the address bar, safe to show as text: no control or direction-changing characters
     (which could make it read as something else), at most 40 characters. */
  function shown(value) {
    var plain = value.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
    return plain.length > 40 ? plain.slice(0, 40) + "…" : plain;
  }

  /* A sentence of data-wizard-words with its {placeholders} filled (as text: it goes into textContent). */
  function fill(sentence, values) {
    return sentence.replace(/\{([a-z_]+)\}/g, function (whole, key) { return has(values, key) ? values[key] : whole; });
  }

  /* Follow the tree from the root: an answer that is not an option here takes the default. */
  function walk(data, answers) {
    var n = 0, path = [];
    while (n >= 0) {
      var node = data.nodes[n], key = data.keys[node[0]], kids = node[2], value = answers[key];
      if (!has(kids, value)) value = node[1];
      path.push([key, value, kids]);
      n = kids[value];
    }
    return { path: path, index: -n - 1, outcome: data.outcomes[-n - 1] };
  }

  function update(root, data, words, found, draw) {
    var steps = Object.create(null), query = new URLSearchParams();
    found.path.forEach(function (step) { steps[step[0]] = step; query.set(step[0], step[1]); });
    root.querySelectorAll("fieldset[data-key]").forEach(function (fieldset) {
      var step = steps[fieldset.getAttribute("data-key")];
      fieldset.hidden = !step;
      if (!step) return;
      fieldset.querySelectorAll("input").forEach(function (input) {
        input.parentNode.hidden = !has(step[2], input.value);
        input.checked = input.value === step[1];
      });
    });
    history.replaceState(history.state, "", "?" + query.toString() + location.hash);
    if (draw) show(root, data, words, found);
  }

  function label(root, key, value) {
    var input = root.querySelector("fieldset[data-key='" + CSS.escape(key) + "'] input[value='" + CSS.escape(value) + "']");
    return input ? input.parentNode.querySelector("span").firstChild.textContent : value;
  }

  /* The finished texts of an outcome: image references, Dockerfile, SDK properties. */
  function texts(data, outcome) {
    var refs = {}, fill = function (t) { return t.split("{build}").join(refs.build).split("{run}").join(refs.run || ""); };
    ["build", "run"].forEach(function (stage) {
      var s = outcome[stage];
      if (s) refs[stage] = data.repos[s[0]][0] + ":" + s[1] + (s[3] || ""); // s[3]: "@sha256:…" when a team pins digests
    });
    return {
      refs: refs,
      dockerfile: fill(data.dockerfiles[outcome.df]),
      container: has(outcome, "ct") ? fill(data.containers[outcome.ct]) : ""
    };
  }

  function show(root, data, words, found) {
    var outcome = found.outcome, ok = outcome.no === undefined;
    var out = root.querySelector("[data-wizard-result]");
    var view = root.querySelector("[data-wizard-template='" + (ok ? "result" : "unavailable") + "']").content.cloneNode(true);
    var slot = function (name, within) { return (within || view).querySelector("[data-slot='" + name + "']"); };
    var bar = root.querySelector("[data-wizard-bar] [data-slot='bar']");
    if (!ok) {
      slot("because").textContent = words.texts[outcome.no];
      outcome.alt.forEach(function (alt) {
        var fieldset = root.querySelector("fieldset[data-key='" + CSS.escape(alt[0]) + "']");
        var item = document.createElement("li"), button = document.createElement("button"), why = document.createElement("span");
        button.type = "button";
        button.className = "md-button";
        button.setAttribute("data-key", alt[0]);
        button.setAttribute("data-value", alt[1]);
        button.textContent = (fieldset ? fieldset.querySelector("legend").textContent + " → " : "") + label(root, alt[0], alt[1]);
        why.textContent = words.texts[alt[2]];
        item.append(button, " ", why);
        slot("alternatives").appendChild(item);
      });
      bar.textContent = words.ui.not_offered;
    } else {
      var status = words.channels[outcome.v] || ["supported", ""], box = slot("status");
      box.classList.add({ eol: "danger", preview: "warning", ending: "warning" }[status[0]] || "info");
      // outcome.w: the answer's Windows Server release ends soon (or has ended), as the build computed it.
      if (outcome.w !== undefined && status[0] === "supported") { box.classList.replace("info", "warning"); }
      slot("status-text").textContent = outcome.v + ": " + status[1] + (outcome.t === undefined ? "" : ". " + words.texts[outcome.t]) +
        (outcome.w === undefined ? "" : ". " + words.texts[outcome.w]);
      if (status[2]) {
        slot("eol").hidden = false;
        slot("stops").textContent = status[2];
      }
      var t = texts(data, outcome);
      if (outcome.sw) switchTo(root, data, words, found, t, slot);
      ["build", "run"].forEach(function (stage) {
        var block = slot(stage), s = outcome[stage];
        if (!s) { block.remove(); return; }
        var repo = data.repos[s[0]], ref = t.refs[stage], fixed = repo[0] + ":" + s[2];
        var code = slot("ref", block);
        code.textContent = ref;
        code.setAttribute("data-image-ref", ref);
        slot("copy-ref", block).setAttribute("data-clipboard-text", ref);
        slot("fixed", block).textContent = fixed;
        slot("copy-fixed", block).setAttribute("data-clipboard-text", fixed);
        var page = slot("page", block);
        page.href = repo[2] + "?tag=" + encodeURIComponent(s[1]) + "#tag-" + encodeURIComponent(s[1]);
        page.textContent = fill(words.ui.page_link, { tag: s[1], repository: repo[1] });
      });
      slot("digest").textContent = "docker buildx imagetools inspect " + (t.refs.run || t.refs.build);
      slot("dockerfile").textContent = t.dockerfile;
      slot("copy").setAttribute("data-clipboard-text", t.dockerfile);
      if (t.container) {
        slot("sdk").hidden = false;
        slot("container").textContent = t.container;
        slot("copy-sdk").setAttribute("data-clipboard-text", t.container);
      }
      outcome.why.forEach(function (i) {
        var item = document.createElement("li"), link = document.createElement("a");
        link.href = words.reasons[i][1];
        link.textContent = words.reasons[i][2];
        item.append(words.reasons[i][0] + " ", link);
        slot("reasons").appendChild(item);
      });
      bar.textContent = t.refs.run || t.refs.build;
    }
    out.setAttribute("data-outcome", ok ? "result" : "unavailable");
    out.setAttribute("data-index", found.index);
    out.replaceChildren(view);
  }

  /* The way forward from an end-of-life channel: one button, and the Dockerfile lines that change. */
  function switchTo(root, data, words, found, current, slot) {
    var answers = Object.create(null);
    found.path.forEach(function (step) { answers[step[0]] = step[1]; });
    found.outcome.sw.forEach(function (change) { answers[change[0]] = change[1]; });
    var next = walk(data, answers).outcome;
    if (next.no !== undefined) return;
    var button = slot("switch");
    button.hidden = false;
    button.textContent = fill(words.ui.switch, { version: label(root, "version", found.outcome.sw[0][1]) });
    button.setAttribute("data-changes", JSON.stringify(found.outcome.sw));
    slot("diff").textContent = diff(current.dockerfile, texts(data, next).dockerfile);
    slot("changes").hidden = false;
  }

  /* The lines that go (-) and come (+) between two short texts: a longest-common-subsequence diff. */
  function diff(before, after) {
    var a = before.split("\n"), b = after.split("\n"), n = a.length, m = b.length, i, j;
    var common = [];
    for (i = 0; i <= n; i++) common.push(new Array(m + 1).fill(0));
    for (i = n - 1; i >= 0; i--) {
      for (j = m - 1; j >= 0; j--) {
        common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    var lines = [];
    for (i = 0, j = 0; i < n || j < m;) {
      if (i < n && j < m && a[i] === b[j]) { i++; j++; }
      else if (i < n && (j === m || common[i + 1][j] >= common[i][j + 1])) lines.push("- " + a[i++]);
      else lines.push("+ " + b[j++]);
    }
    return lines.join("\n");
  }

  if (window.document$) window.document$.subscribe(start); else start();
})();
