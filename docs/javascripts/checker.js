/* The image checker: reads what the reader pasted (a Dockerfile, a FROM line, a reference or a
   digest) and looks every FROM up in api/checker.json (and api/digests.json when a digest appears),
   which the build writes from the same rules the command line uses (macros/checker/). This file
   parses and looks up only; it mirrors macros/checker/dockerfile.py and verdict.py line by line, and
   tests run one case list through both. Everything shown is set with textContent, in the words the
   page carries in its own language (the form's data-words, from data/messages/): no text here. */
(function () {
  "use strict";
  var MAX_CHARS = 256 * 1024, URL_MAX = 8000, SUGGESTIONS = 3;
  var has = function (o, k) { return o !== null && typeof o === "object" && Object.prototype.hasOwnProperty.call(o, k); };
  var EXAMPLE = "FROM microsoft/aspnetcore-build:2.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\n\nFROM microsoft/aspnetcore:2.0\nCOPY --from=build /app /app\nENTRYPOINT [\"dotnet\", \"/app/web.dll\"]\n";

  /* --- reading the input (dockerfile.py) --- */

  function substitute(text, args) {
    return text.replace(/\$(?:\{(\w+)(?:(:?[-+])([^}]*))?\}|(\w+))/g, function (m, braced, op, word, bare) {
      var name = braced || bare, present = has(args, name), current = present ? args[name] : "";
      word = word || "";
      if (op === ":-") return current ? current : word;
      if (op === "-") return present ? current : word;
      if (op === ":+") return current ? word : "";
      if (op === "+") return present ? word : "";
      return current;
    });
  }

  function unquote(v) {
    return v.length >= 2 && v[0] === v[v.length - 1] && (v[0] === '"' || v[0] === "'") ? v.slice(1, -1) : v;
  }

  function rstrip(s) { return s.replace(/\s+$/, ""); }

  function logicalLines(text) {
    var lines = text.split("\n"), escape = "\\", start = 0, i;
    for (i = 0; i < lines.length; i++) {
      var d = /^#\s*([A-Za-z]+)\s*=\s*(.*?)\s*$/.exec(lines[i].trim());
      if (!d) break;
      if (d[1].toLowerCase() === "escape" && (d[2] === "`" || d[2] === "\\")) escape = d[2];
      start = i + 1;
    }
    var found = [], pending = "", first = 0;
    for (i = start; i < lines.length; i++) {
      var raw = lines[i].replace(/\r$/, ""), stripped = raw.trim();
      if (stripped.charAt(0) === "#" || (!stripped && !pending)) continue;
      if (!pending) first = i + 1;
      if (rstrip(raw).slice(-1) === escape) { pending += rstrip(raw).slice(0, -1) + " "; continue; }
      found.push([first, pending + raw]);
      pending = "";
    }
    if (pending.trim()) found.push([first, pending]);
    return found;
  }

  function instruction(text) { return /^\s*([A-Za-z]+)(?:\s+([\s\S]*))?$/.exec(text); }

  function split(text) { return text.trim() ? text.trim().split(/\s+/) : []; }

  function readInput(text) {
    var found = { froms: [], problems: [], digest: "" };
    if (text.length > MAX_CHARS) { found.problems.push(["too-large", 0, String(text.length)]); return found; }
    if (text.charAt(0) === "\ufeff") text = text.slice(1);
    var controls = (text.match(/[\x00-\x08\x0e-\x1f\x7f]/g) || []).length;
    if (text.indexOf("\x00") >= 0 || controls > Math.max(8, Math.floor(text.length / 100))) {
      found.problems.push(["binary", 0, ""]); return found;
    }
    if (!text.trim()) { found.problems.push(["empty", 0, ""]); return found; }
    var lines = logicalLines(text);
    var hasFrom = lines.some(function (l) { var m = instruction(l[1]); return m && m[1].toUpperCase() === "FROM"; });
    if (!hasFrom) {
      var single = text.trim();
      if (split(single).length === 1) {
        var lower = single.toLowerCase();
        if (/^(sha256:)?[0-9a-f]{64}$/.test(lower)) found.digest = lower.indexOf("sha256:") === 0 ? lower : "sha256:" + lower;
        else found.froms.push({ line: 1, text: single, image: single, platform: "", name: "", stage: false });
        return found;
      }
      found.problems.push(["no-from", 0, ""]); return found;
    }
    var args = Object.create(null), stages = Object.create(null), seenFrom = false;
    lines.forEach(function (l) {
      var m = instruction(l[1]);
      if (!m) return;
      var keyword = m[1].toUpperCase(), rest = m[2] || "";
      if (keyword === "ARG" && !seenFrom) {
        split(rest).forEach(function (token) {
          var at = token.indexOf("=");
          if (at > 0) args[token.slice(0, at)] = substitute(unquote(token.slice(at + 1)), args);
        });
      } else if (keyword === "FROM") {
        seenFrom = true;
        readFrom(l[0], rest, args, stages, found);
      }
    });
    return found;
  }

  function readFrom(number, rest, args, stages, found) {
    var tokens = split(rest), platform = "";
    while (tokens.length && tokens[0].indexOf("--") === 0) {
      var flag = tokens.shift(), at = flag.indexOf("=");
      var key = at >= 0 ? flag.slice(0, at) : flag;
      if (key === "--platform") platform = at >= 0 ? flag.slice(at + 1) : (tokens.length ? tokens.shift() : "");
    }
    var text = "FROM " + rest.trim();
    if (!tokens.length) { found.problems.push(["from-without-image", number, text]); return; }
    var image = substitute(tokens[0], args).trim();
    var name = tokens.length >= 3 && tokens[1].toLowerCase() === "as" ? tokens[2].toLowerCase() : "";
    if (!image) { found.problems.push(["from-without-image", number, text]); return; }
    found.froms.push({ line: number, text: text, image: image, platform: platform, name: name, stage: has(stages, image.toLowerCase()) });
    if (name) stages[name] = true;
  }

  /* --- looking up (verdict.py, signature.py) --- */

  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function signature(tag, words) {
    var text = "-" + tag.toLowerCase() + "-", os = "", arch = "", i;
    for (i = 0; i < words.os.length; i++) {
      if (new RegExp("-" + escapeRe(words.os[i][0]) + "[0-9.]*-").test(text)) { os = words.os[i][1]; break; }
    }
    var variants = words.variants.filter(function (v) { return text.indexOf("-" + v + "-") >= 0; });
    for (i = 0; i < words.arch.length; i++) {
      if (text.indexOf("-" + words.arch[i][0] + "-") >= 0) { arch = words.arch[i][1]; break; }
    }
    return os + "|" + variants.join("+") + "|" + arch;
  }

  function fallbacks(sig) {
    var p = sig.split("|"), found = [];
    [p[0] + "|" + p[1] + "|", p[0] + "||", "||"].forEach(function (c) {
      if (c !== sig && found.indexOf(c) < 0) found.push(c);
    });
    return found;
  }

  var NAME = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

  function partition(s, sep) {
    var at = s.indexOf(sep);
    return at < 0 ? [s, ""] : [s.slice(0, at), s.slice(at + sep.length)];
  }

  function parseReference(text) {
    var at = partition(text, "@"), parts = at[0].split("/"), host = "";
    if (parts.length > 1 && (parts[0].indexOf(".") >= 0 || parts[0].indexOf(":") >= 0 || parts[0] === "localhost")) {
      host = parts[0].toLowerCase(); parts = parts.slice(1);
    }
    var last = partition(parts[parts.length - 1], ":");
    var name = parts.slice(0, -1).concat([last[0]]).join("/").toLowerCase(), tag = last[1], digest = at[1];
    if (!NAME.test(name) || (tag && !/^\w[\w.-]{0,127}$/.test(tag)) || (digest && !/^sha256:[0-9a-f]{64}$/.test(digest.toLowerCase()))) return null;
    return { host: host, name: name, tag: tag, digest: digest.toLowerCase() };
  }

  function channelPrefix(tag, table) {
    var first = tag.split("-")[0], best = "";
    Object.keys(table.channels).forEach(function (c) {
      if ((first === c || first.indexOf(c + ".") === 0) && c.length > best.length) best = c;
    });
    return best;
  }

  function distance(a, b) {
    var previous = [], i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      var current = [i];
      for (j = 1; j <= b.length; j++) {
        current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
      }
      previous = current;
    }
    return previous[b.length];
  }

  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  function closestTags(tag, tags) {
    return Object.keys(tags).map(function (t) { return [distance(tag, t), t]; })
      .sort(function (x, y) { return x[0] - y[0] || cmp(x[1], y[1]); })
      .slice(0, SUGGESTIONS).map(function (x) { return x[1]; });
  }

  function replacementFor(repo, tag, words) {
    var sig = signature(tag, words), candidates = [sig].concat(fallbacks(sig));
    for (var i = 0; i < candidates.length; i++) if (has(repo.replacements, candidates[i])) return repo.replacements[candidates[i]];
    return null;
  }

  function version(text) { return text.split(/[.\-]/).map(function (p) { return /^\d+$/.test(p) ? parseInt(p, 10) : -1; }); }

  function older(a, b) {
    var x = version(a), y = version(b);
    for (var i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i];
    return x.length < y.length;
  }

  function notesFor(table, repository, tag, source, target, legacy) {
    var repo = table.repositories[repository] || {};
    var osKey = signature(tag, table.words).split("|")[0];
    var windows = table.words.windows.indexOf(osKey.split("-")[0]) >= 0;
    var plain = repo.plain_os || {};
    var distro = windows ? "" : (osKey || (has(plain, source) ? plain[source] : table.old_plain_os));
    return table.notes.filter(function (note) {
      var applies = note.legacy ? legacy : (!source || older(source, note.since)) && !older(target, note.since);
      if (!applies) return false;
      if (note.repositories.length && note.repositories.indexOf(repository) < 0) return false;
      if (note.os.length && note.os.indexOf(windows ? "windows" : "linux") < 0) return false;
      if (note.distros.length && distro && note.distros.indexOf(distro) < 0) return false;
      return true;
    }).map(function (note) { return note.id; });
  }

  function result(verdict, values) {
    var r = { verdict: verdict, reasons: [], replacement: "", page: "", wizard: "", notes: [], suggestions: [] };
    Object.keys(values || {}).forEach(function (k) { r[k] = values[k]; });
    return r;
  }

  var STATUS_VERDICT = { supported: "current", ending: "ends-soon", eol: "end-of-life", preview: "preview" };

  function checkReference(text, table, digests) {
    var mirrored = false;
    table.policies.forEach(function (p) { // a team's mirror: read the image it mirrors
      if (p.mirror && text.toLowerCase().indexOf(p.mirror + "/") === 0) { text = table.registry + text.slice(p.mirror.length); mirrored = true; }
    });
    var ref = parseReference(text);
    if (!ref) return result("not-dotnet", { reasons: [["not-a-reference", text]] });
    ref.mirrored = mirrored;
    var host = ref.host, name = ref.name;
    if (host && table.registries.indexOf(host) < 0 && table.hub_hosts.indexOf(host) < 0) {
      return result("not-dotnet", { reasons: [["other-registry", host]] });
    }
    var onMcr = table.registries.indexOf(host) >= 0;
    var full = onMcr ? table.registry + "/" + name : name.replace(/^library\//, "");
    for (var i = 0; i < table.legacy.length; i++) {
      var entry = table.legacy[i];
      if (full === entry.name || (entry.prefix && full.indexOf(entry.name + "/") === 0)) return checkLegacy(ref, entry, full, table);
    }
    if (onMcr && has(table.repositories, name)) return checkRepository(ref, name, table, digests);
    if (name === "scratch" && !host) return result("not-dotnet", { reasons: [["scratch", ""]] });
    return result("not-dotnet", { reasons: [["not-covered", full]] });
  }

  function checkLegacy(ref, entry, full, table) {
    var tag = ref.tag || "latest", repository;
    if (entry.prefix) {
      var rest = full.slice(entry.name.length + 1);
      repository = has(entry.repositories, rest) ? entry.repositories[rest] : "";
    } else {
      var text = "-" + tag.toLowerCase() + "-";
      var words = Object.keys(entry.repositories).filter(Boolean).sort(function (a, b) { return b.length - a.length || cmp(a, b); });
      var word = "";
      for (var i = 0; i < words.length; i++) if (text.indexOf("-" + words[i] + "-") >= 0) { word = words[i]; break; }
      repository = has(entry.repositories, word) ? entry.repositories[word] : "";
    }
    var r = result("legacy-name", { reasons: [["legacy", entry.name]] });
    if (!repository) { r.reasons.push(["legacy-gone", entry.note]); return r; }
    var repo = table.repositories[repository], found = replacementFor(repo, tag, table.words);
    r.page = repo.page;
    if (found) {
      r.replacement = found.reference; r.wizard = found.wizard;
      r.notes = notesFor(table, repository, tag, channelPrefix(tag, table), found.channel, true);
    }
    return r;
  }

  function checkRepository(ref, repository, table, digests) {
    var repo = table.repositories[repository], tag = ref.tag || "latest";
    var documented = has(repo.tags, tag);
    var channel = documented ? repo.tags[tag] : channelPrefix(tag, table);
    var status = channel ? table.channels[channel].status : "";
    var verdict, found;
    if (documented) verdict = STATUS_VERDICT[status] || "current";
    else if (channel && status === "eol" && repo.channels.indexOf(channel) < 0) verdict = "end-of-life";
    else {
      var u = result("unknown-tag", { reasons: [["unknown-tag", tag]], page: repo.page, suggestions: closestTags(tag, repo.tags) });
      found = replacementFor(repo, tag, table.words);
      if (found) { u.replacement = found.reference; u.wizard = found.wizard; }
      return u;
    }
    var r = result(verdict, { reasons: [["status-" + (status || "own"), channel]] });
    r.page = repo.page + (documented ? (channel ? table.channels[channel].row_query : "") + "#tag-" + tag : "");
    if (ref.digest) checkDigestOf(ref, repository, r, digests);
    found = replacementFor(repo, tag, table.words);
    if (found) {
      r.wizard = found.wizard;
      if (["end-of-life", "ends-soon", "preview"].indexOf(r.verdict) >= 0) {
        r.replacement = found.reference;
        r.notes = notesFor(table, repository, tag, channel, found.channel, false);
      }
    }
    table.policies.forEach(function (policy) { // an extra verdict from a policy (a team standard)
      var listed = has(policy.outside, repository) ? policy.outside[repository] : [], why;
      if (!passing(table, r.verdict)) return;
      if (policy.mirror && !ref.mirrored) why = policy.mirror_reason;
      else if (listed.indexOf("*") >= 0 || listed.indexOf(tag) >= 0) why = policy.reason;
      else if (policy.digest_reason && !ref.digest) why = policy.digest_reason;
      else return;
      r.verdict = policy.verdict; r.reasons.push(["policy", why]);
    });
    return r;
  }

  function passing(table, verdict) {
    return table.verdicts.some(function (v) { return v.verdict === verdict && v.passing; });
  }

  function checkDigestOf(ref, repository, r, digests) {
    var all = (digests && digests.digests) || {};
    var known = has(all, ref.digest) ? all[ref.digest] : null;
    if (!known) { r.reasons.push(["digest-unknown", ref.digest]); return; }
    if (known.current) {
      if (known.repository !== repository) r.reasons.push(["digest-other-repository", known.repository || ""]);
      return;
    }
    var current = has(all, known.current_digest) ? all[known.current_digest] : {};
    if (current.repository !== undefined && current.repository !== repository) {
      r.reasons.push(["digest-other-repository", current.repository]);
      return;
    }
    r.reasons.push(["digest-replaced", known.first_seen, known.current_digest, current.first_seen || ""]);
    if (["current", "ends-soon", "preview"].indexOf(r.verdict) >= 0) {
      r.verdict = "outdated-digest";
      var name = ref.host ? ref.host + "/" + ref.name : ref.name;
      r.replacement = name + (ref.tag ? ":" + ref.tag : "") + "@" + known.current_digest;
    }
  }

  function checkDigest(digest, table, digests) {
    var all = (digests && digests.digests) || {};
    var known = has(all, digest) ? all[digest] : null;
    if (!known) return result("not-dotnet", { reasons: [["digest-unknown", digest]] });
    var current = known.current ? known : (has(all, known.current_digest) ? all[known.current_digest] : {});
    var tags = (current.tags || []).slice().sort(function (a, b) { return a.length - b.length || cmp(a, b); });
    if (!current.repository || !tags.length) return result("not-dotnet", { reasons: [["digest-unknown", digest]] });
    var reference = table.registry + "/" + current.repository + ":" + tags[0] + "@" + digest;
    var r = checkReference(reference, table, digests);
    r.image = reference;
    return r;
  }

  function checkText(text, table, digests) {
    var found = readInput(text), entries = [];
    if (found.digest) {
      var d = checkDigest(found.digest, table, digests), image = d.image || found.digest;
      delete d.image;
      entries.push(Object.assign({ line: 1, text: found.digest, image: image }, d));
    }
    found.froms.forEach(function (item) {
      if (item.stage) { entries.push({ line: item.line, text: item.text, image: item.image, stage: true }); return; }
      entries.push(Object.assign({ line: item.line, text: item.text, image: item.image, platform: item.platform, name: item.name },
        checkReference(item.image, table, digests)));
    });
    return { problems: found.problems, entries: entries };
  }

  function fromLine(entry) {
    if (!entry.replacement) return "";
    return "FROM " + (entry.platform ? "--platform=" + entry.platform + " " : "") + entry.replacement + (entry.name ? " AS " + entry.name : "");
  }

  /* --- words: the page's language (macros/checker/messages.py checker_words) --- */

  function say(words, key, values) {
    var text = has(words.result, key) ? words.result[key] : key;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    return text;
  }

  function sayCount(words, key, n, values) {
    return say(words, key + (n === 1 ? ".one" : ".other"), Object.assign({ n: n.toLocaleString("en-US") }, values || {}));
  }

  function fill(template, values, channel) {
    var text = template;
    Object.keys(channel || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(channel[k] || "")); });
    (values || []).forEach(function (v, i) { text = text.split("{" + i + "}").join(String(v)); });
    return text;
  }

  function reasonText(reason, table, words) {
    var code = reason[0], channel = null;
    if (code.indexOf("status-") === 0) {
      channel = table.channels[reason[1]] || {};
      if (code === "status-supported" && !channel.eol) code = "status-supported-open";
    }
    var reasons = words.reasons, values = reason.slice(1);
    if (code === "policy" && has(words.policies, reason[1])) return words.policies[reason[1]]; // a team's standard
    if (code === "legacy-gone" && has(words.legacy_notes, values[0])) values = [words.legacy_notes[values[0]]]; // the page's language
    return fill(has(reasons, code) ? reasons[code] : code, values, channel);
  }

  /* --- the page --- */

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function link(href, text) { var a = el("a", text); a.href = href; return a; }

  function render(out, outcome, table, root, words) {
    var view = document.createDocumentFragment(), notesById = {};
    table.notes.forEach(function (n) { notesById[n.id] = n; });
    outcome.problems.forEach(function (p) {
      var problems = words.problems, text = fill(has(problems, p[0]) ? problems[p[0]] : p[0], [p[2]]);
      var msg = el("p", p[1] ? say(words, "problem", { line: p[1], text: text }) : text, "image-checker__problem");
      msg.setAttribute("role", "alert");
      view.appendChild(msg);
    });
    var verdicts = outcome.entries.filter(function (e) { return !e.stage; });
    if (verdicts.length) {
      var failing = verdicts.filter(function (e) { return !passing(table, e.verdict); }).length;
      view.appendChild(el("p", sayCount(words, "checked", verdicts.length) + " " +
        (failing ? sayCount(words, "failing", failing) : say(words, "passing")), "image-checker__summary"));
    }
    var list = el("ol", null, "image-checker__list");
    outcome.entries.forEach(function (entry) {
      var item = el("li", null, "image-checker__entry");
      if (entry.stage) {
        item.classList.add("image-checker__entry--stage");
        item.appendChild(el("p", say(words, "stage", { line: entry.line, stage: entry.image })));
        list.appendChild(item);
        return;
      }
      item.setAttribute("data-verdict", entry.verdict);
      var head = el("p", null, "image-checker__head");
      var name = has(words.verdicts, entry.verdict) ? words.verdicts[entry.verdict] : entry.verdict; // a policy's own verdict
      head.appendChild(el("span", name, "image-checker__verdict image-checker__verdict--" + entry.verdict));
      head.appendChild(document.createTextNode(" " + say(words, "line", { line: entry.line }) + " "));
      head.appendChild(el("code", entry.image));
      item.appendChild(head);
      var reasons = el("ul");
      entry.reasons.forEach(function (r) { reasons.appendChild(el("li", reasonText(r, table, words))); });
      if (entry.suggestions.length) {
        var s = el("li", say(words, "closest") + " ");
        entry.suggestions.forEach(function (t, i) { if (i) s.appendChild(document.createTextNode(", ")); s.appendChild(el("code", t)); });
        reasons.appendChild(s);
      }
      item.appendChild(reasons);
      if (entry.replacement) {
        item.appendChild(el("p", say(words, entry.verdict === "outdated-digest" ? "pin" : "replace")));
        var pre = el("pre", null, "image-checker__replacement"), code = el("code", fromLine(entry));
        pre.appendChild(code);
        pre.setAttribute("data-replacement", "");
        item.appendChild(pre);
      }
      var next = el("p", null, "image-checker__links");
      if (entry.page) {
        var row = link(root + entry.page, say(words, entry.page.indexOf("#tag-") >= 0 ? "row_link" : "tags_link"));
        row.setAttribute("data-full-load", ""); // see start(): the row may be one the page reveals on load
        next.appendChild(row);
      }
      if (entry.wizard) { if (next.childNodes.length) next.appendChild(document.createTextNode(" · ")); next.appendChild(link(root + entry.wizard, say(words, "wizard_link"))); }
      if (entry.verdict === "current") { next.appendChild(document.createTextNode(" · ")); next.appendChild(link("#when-a-scanner-still-reports-vulnerabilities-on-a-current-image", say(words, "scanner_link"))); }
      if (next.childNodes.length) item.appendChild(next);
      if (entry.notes.length) {
        var box = el("details", null, "image-checker__notes");
        box.appendChild(el("summary", sayCount(words, "notes", entry.notes.length)));
        var ul = el("ul");
        entry.notes.forEach(function (id) {
          var n = has(words.notes, id) ? words.notes[id] : notesById[id], li = el("li"); // the page's language
          li.setAttribute("data-note", id);
          li.appendChild(link(root + "guide/migrations/#" + id, n.title));
          li.appendChild(document.createTextNode(" — " + n.do));
          ul.appendChild(li);
        });
        box.appendChild(ul);
        item.appendChild(box);
      }
      list.appendChild(item);
    });
    if (outcome.entries.length) view.appendChild(list);
    out.replaceChildren(view);
  }

  function needsDigests(text) {
    return text.toLowerCase().indexOf("sha256:") >= 0 || split(text.slice(0, MAX_CHARS)).some(function (w) { return w.length === 64; });
  }

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  function start() {
    var form = document.querySelector("[data-checker]");
    if (!form || form.getAttribute("data-bound")) return; // not this page, or already wired
    form.setAttribute("data-bound", "1");
    var out = document.querySelector("[data-checker-result]");
    var input = form.querySelector("textarea");
    var root = new URL(form.getAttribute("data-root"), location.href).href;
    var tableUrl = new URL(form.getAttribute("data-table"), location.href).href;
    var digestsUrl = new URL(form.getAttribute("data-digests"), location.href).href;
    var words = JSON.parse(form.getAttribute("data-words"));
    var table = null, digests = null, pendingDigests = null, timer = 0, runs = 0;
    var params = new URLSearchParams(location.search);
    input.value = params.get("dockerfile") || params.get("ref") || "";
    form.hidden = false;

    function keepInUrl(text) {
      var query = new URLSearchParams(location.search);
      query.delete("ref"); query.delete("dockerfile");
      var trimmed = text.trim();
      if (trimmed && text.length <= URL_MAX) query.set(/\s/.test(trimmed) ? "dockerfile" : "ref", /\s/.test(trimmed) ? text : trimmed);
      var search = query.toString();
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }

    function check() {
      var text = input.value, run = ++runs;
      keepInUrl(text);
      if (!text.trim() && !out.childNodes.length) return;
      var ready = table ? Promise.resolve(table) : fetchJson(tableUrl).then(function (t) { table = t; return t; });
      ready.then(function () {
        if (!needsDigests(text) || digests) return null;
        pendingDigests = pendingDigests || fetchJson(digestsUrl).then(function (d) { digests = d; });
        return pendingDigests;
      }).then(function () {
        if (run !== runs) return; // the reader typed on meanwhile
        var outcome = checkText(text, table, digests);
        render(out, outcome, table, root, words);
        out.setAttribute("data-checked", String(run));
      }).catch(function (error) {
        out.replaceChildren(el("p", say(words, "load_error", { error: error.message }), "image-checker__problem"));
      });
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); check(); });
    /* A row link loads its page in full: instant navigation would scroll to the row before the page's
       script reveals rows hidden by default (?ended=show), and lose the row. */
    out.addEventListener("click", function (event) {
      var a = event.target.closest("a[data-full-load]");
      if (!a || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      event.stopPropagation();
      location.assign(a.href);
    });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(check, 250); });
    form.querySelector("[data-checker-example]").addEventListener("click", function () {
      input.value = "# " + words.example_comment + "\n" + EXAMPLE; check(); input.focus();
    });
    if (input.value) check();
  }

  /* Instant navigation runs this script again on each visit of the page: subscribe once. */
  if (window.guideChecker) { start(); return; }
  window.guideChecker = { checkText: checkText, fromLine: fromLine }; // for the tests: one case list, two readers
  if (window.document$) window.document$.subscribe(start); else start();
})();
