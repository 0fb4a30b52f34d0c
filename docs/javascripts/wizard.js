/* The wizard: reveals the server-rendered form and shows the answer the page's JSON holds for the
   chosen path. No image names and no rules here: the tree (questions on each path, defaults,
   outcomes) is computed at build time from data/wizard.yml and the catalog. */
(function () {
  "use strict";
  var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };

  function start() {
    var root = document.querySelector("[data-wizard]");
    if (!root || root.getAttribute("data-bound")) return; // not this page, or already wired
    root.setAttribute("data-bound", "1");
    var data = JSON.parse(root.querySelector("[data-wizard-data]").content.querySelector("script").textContent);
    var form = root.querySelector("form");
    var out = root.querySelector("[data-wizard-result]");
    var notice = root.querySelector("[data-wizard-notice]");
    var answers = Object.create(null);
    var ignored = [];
    new URLSearchParams(location.search).forEach(function (value, key) {
      if (data.keys.indexOf(key) < 0) ignored.push(key); else answers[key] = value;
    });
    var first = walk(data, answers);
    first.path.forEach(function (step) {
      var given = answers[step[0]];
      if (given !== undefined && given !== step[1]) ignored.push(step[0] + "=" + given);
    });
    if (ignored.length) {
      notice.textContent = "This link held settings the wizard does not know; they were ignored: " +
        ignored.map(shown).slice(0, 5).join(", ") + ".";
      notice.hidden = false;
    }
    form.hidden = false;
    form.addEventListener("change", function (event) {
      if (event.target.name) set(event.target.name, event.target.value);
    });
    out.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-key]");
      if (!button) return;
      set(button.getAttribute("data-key"), button.getAttribute("data-value"));
      var input = form.querySelector("input[name='" + CSS.escape(button.getAttribute("data-key")) + "']:checked");
      if (input) input.focus();
    });
    update(root, data, answers, first);

    function set(key, value) {
      answers[key] = value;
      notice.hidden = true;
      update(root, data, answers, walk(data, answers));
    }
  }

  /* A value from the address bar, safe to show as text: no control or direction-changing characters
     (which could make it read as something else), at most 40 characters. */
  function shown(value) {
    var plain = value.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
    return plain.length > 40 ? plain.slice(0, 40) + "…" : plain;
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
    return { path: path, outcome: data.outcomes[-n - 1] };
  }

  function update(root, data, answers, found) {
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
    show(root, data, found.outcome);
  }

  function show(root, data, outcome) {
    var out = root.querySelector("[data-wizard-result]");
    var view = root.querySelector("[data-wizard-template='" + (outcome.no === undefined ? "result" : "unavailable") + "']")
      .content.cloneNode(true);
    var slot = function (name, within) { return (within || view).querySelector("[data-slot='" + name + "']"); };
    if (outcome.no !== undefined) {
      slot("because").textContent = data.texts[outcome.no];
      outcome.alt.forEach(function (alt) {
        var fieldset = root.querySelector("fieldset[data-key='" + CSS.escape(alt[0]) + "']");
        var input = fieldset && fieldset.querySelector("input[value='" + CSS.escape(alt[1]) + "']");
        var item = document.createElement("li"), button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.setAttribute("data-key", alt[0]);
        button.setAttribute("data-value", alt[1]);
        button.textContent = (fieldset ? fieldset.querySelector("legend").textContent + " → " : "") +
          (input ? input.parentNode.querySelector("span").firstChild.textContent : alt[1]);
        item.appendChild(button);
        slot("alternatives").appendChild(item);
      });
    } else {
      var status = data.channels[outcome.v] || ["supported", ""], box = slot("status");
      box.classList.add({ eol: "danger", preview: "warning", ending: "warning" }[status[0]] || "info");
      slot("status-text").textContent = outcome.v + ": " + status[1] + (outcome.t === undefined ? "" : ". " + data.texts[outcome.t]);
      var text = data.dockerfiles[outcome.df], refs = {};
      ["build", "run"].forEach(function (stage) {
        var block = slot(stage), s = outcome[stage];
        if (!s) { block.remove(); return; }
        var repo = data.repos[s[0]], ref = repo[0] + ":" + s[1] + (s[3] || "");  // s[3]: "@sha256:…" when a team pins digests
        refs[stage] = ref;
        var code = slot("ref", block);
        code.textContent = ref;
        code.setAttribute("data-image-ref", ref);
        code.setAttribute("data-stage", stage);
        slot("fixed", block).textContent = repo[0] + ":" + s[2];
        slot("page", block).href = repo[1] + encodeURIComponent(s[1]);
      });
      slot("digest").textContent = "docker buildx imagetools inspect " + (refs.run || refs.build);
      text = text.split("{build}").join(refs.build).split("{run}").join(refs.run || "");
      slot("dockerfile").textContent = text;
      slot("copy").setAttribute("data-clipboard-text", text);
      outcome.why.forEach(function (i) {
        var item = document.createElement("li"), link = document.createElement("a");
        item.textContent = data.reasons[i][0] + " ";
        link.href = data.reasons[i][1];
        link.textContent = "Read more";
        item.appendChild(link);
        slot("reasons").appendChild(item);
      });
    }
    out.setAttribute("data-outcome", outcome.no === undefined ? "result" : "unavailable");
    out.replaceChildren(view);
  }

  if (window.document$) window.document$.subscribe(start); else start();
})();
