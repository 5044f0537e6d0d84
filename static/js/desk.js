/* Front desk: scanner input that keeps focus, camera scanning, verdicts, sounds, counters,
   last scans and search. Plain JavaScript, no external assets. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("desk-config").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var scanInput = $("scan-input");
  var deskInput = $("desk-name");
  var verdict = $("verdict");
  var lang = document.documentElement.lang || "vi";
  var idleTimer = null;
  var busy = false;

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, key) { return values[key]; });
  }

  function clock(iso) {
    return new Date(iso).toLocaleTimeString(lang === "vi" ? "vi-VN" : "en-GB", {
      hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh"
    });
  }

  // --- the desk name survives reloads; the scanner input keeps focus -----------------------
  var savedDesk = window.localStorage && localStorage.getItem("desk-name");
  if (savedDesk) deskInput.value = savedDesk;
  deskInput.addEventListener("change", function () {
    if (window.localStorage) localStorage.setItem("desk-name", deskInput.value.trim());
  });
  function deskName() { return deskInput.value.trim() || "Desk"; }

  function refocus() {
    var active = document.activeElement;
    if (active && active !== document.body && active.matches("input, textarea, select")) return;
    scanInput.focus();
  }
  document.addEventListener("click", function (event) {
    if (!event.target.closest("input, button, a, select, textarea, label")) scanInput.focus();
  });
  scanInput.addEventListener("blur", function () { window.setTimeout(refocus, 50); });
  window.setInterval(refocus, 1000);

  // --- sounds: one per verdict, made with WebAudio (no files) ------------------------------
  var audio = null;
  function tone(frequency, start, duration, type) {
    var oscillator = audio.createOscillator();
    var gain = audio.createGain();
    oscillator.type = type;
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, audio.currentTime + start);
    gain.gain.exponentialRampToValueAtTime(0.3, audio.currentTime + start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + start + duration);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(audio.currentTime + start);
    oscillator.stop(audio.currentTime + start + duration + 0.02);
  }
  var SOUNDS = {
    accepted: [[880, 0, 0.09, "sine"], [1320, 0.1, 0.16, "sine"]],           // rising chirp
    already_checked_in: [[660, 0, 0.12, "triangle"], [660, 0.2, 0.12, "triangle"]],  // two equal
    revoked: [[196, 0, 0.5, "square"]],                                        // long low buzz
    superseded: [[330, 0, 0.15, "square"], [220, 0.18, 0.3, "square"]],       // falling
    invalid: [[150, 0, 0.12, "sawtooth"], [150, 0.16, 0.12, "sawtooth"], [150, 0.32, 0.12, "sawtooth"]],
    wrong_event: [[440, 0, 0.12, "square"], [294, 0.15, 0.3, "square"]],
    event_cancelled: [[247, 0, 0.6, "sawtooth"]],
    error: [[120, 0, 0.7, "sawtooth"]]
  };
  function play(result) {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === "suspended") audio.resume();
      (SOUNDS[result] || SOUNDS.error).forEach(function (t) { tone(t[0], t[1], t[2], t[3]); });
    } catch (e) { /* no sound on this device: the screen still says it */ }
  }

  // --- verdict screen ---------------------------------------------------------------------
  function setVerdict(state, word) {
    verdict.className = "verdict verdict--" + state;
    $("verdict-word").textContent = word;
  }

  function showIdle() {
    setVerdict("idle", config.text.ready);
    $("verdict-person").hidden = true;
    $("verdict-detail").textContent = "";
  }

  function showPerson(person) {
    var box = $("verdict-person");
    if (!person) { box.hidden = true; return; }
    box.hidden = false;
    $("verdict-name").textContent = person.full_name;
    $("verdict-outlet").textContent = person.outlet;
    $("verdict-category").textContent = config.categories[person.category] || person.category;
    var photo = $("verdict-photo");
    if (person.photo_url) {
      photo.src = person.photo_url;
      photo.hidden = false;
      $("verdict-photo-missing").hidden = true;
    } else {
      photo.removeAttribute("src");
      photo.hidden = true;
      $("verdict-photo-missing").hidden = false;
    }
  }

  function showResult(data) {
    setVerdict(data.result, config.labels[data.result] || data.result);
    showPerson(data.accreditation);
    var detail = "";
    if (data.previous) {
      detail = format(config.text.checkedInAt, { time: clock(data.previous.checked_in_at), desk: data.previous.desk });
      if (data.previous.by) detail += " — " + format(config.text.by, { name: data.previous.by });
    } else if (data.result === "wrong_event") {
      detail = config.text.wrongEvent;
    } else if (data.result === "event_cancelled") {
      detail = config.text.cancelled;
    }
    $("verdict-detail").textContent = detail;
    play(data.result);
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(showIdle, 12000);
  }

  function showError(message) {
    setVerdict("error", config.text.error);
    $("verdict-person").hidden = true;
    $("verdict-detail").textContent = message;
    play("error");
  }

  // --- scanning ---------------------------------------------------------------------------
  function send(body) {
    body.event = config.event;
    body.desk = deskName();
    busy = true;
    return fetch(config.checkinUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) throw new Error(data.detail || JSON.stringify(data));
        showResult(data);
        refresh();
        return data;
      });
    }).catch(function (error) {
      showError(error && error.message && error.message !== "Failed to fetch" ? error.message : config.text.offline);
    }).then(function () { busy = false; });
  }

  $("scan-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var code = scanInput.value.trim();
    scanInput.value = "";  // ready for the next badge at once
    if (code) send({ code: code });
  });

  // --- counters and last scans ------------------------------------------------------------
  function renderScans(rows) {
    var list = $("last-scans");
    list.textContent = "";
    rows.forEach(function (row) {
      var item = document.createElement("li");
      var dot = document.createElement("span");
      dot.className = "dot dot--" + row.result;
      var who = document.createElement("div");
      who.className = "who";
      var name = document.createElement("strong");
      name.textContent = row.accreditation ? row.accreditation.full_name : config.labels[row.result];
      var meta = document.createElement("span");
      meta.textContent = (config.labels[row.result] || row.result) + " · " + row.desk + (row.manual ? " · " + config.text.manual : "");
      who.append(name, meta);
      var time = document.createElement("time");
      time.dateTime = row.created_at;
      time.textContent = clock(row.created_at);
      item.append(dot, who, time);
      list.append(item);
    });
  }

  function refresh() {
    var url = config.checkinUrl + "?event=" + config.event + "&page_size=12";
    return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        $("count-checked-in").textContent = data.counters.checked_in;
        $("count-approved").textContent = data.counters.approved;
        $("count-repeats").textContent = data.counters.repeats;
        $("count-refused").textContent = data.counters.refused;
        renderScans(data.results);
      }).catch(function () { /* the next poll tries again */ });
  }
  refresh();
  // Other desks scan too: keep counters and the list live.
  window.setInterval(function () { if (!busy && !document.hidden) refresh(); }, 4000);

  // --- search by name or outlet, check in without a scan ----------------------------------
  var searchTimer = null;
  var searchInput = $("search-input");
  function renderSearch(results) {
    var list = $("search-results");
    list.textContent = "";
    if (!results.length) {
      var empty = document.createElement("li");
      empty.textContent = config.text.noResults;
      list.append(empty);
      return;
    }
    results.forEach(function (row) {
      var person = row.accreditation;
      var item = document.createElement("li");
      var who = document.createElement("div");
      who.className = "who";
      var name = document.createElement("strong");
      name.textContent = person.full_name;
      var meta = document.createElement("span");
      meta.textContent = person.outlet + " · " + (config.categories[person.category] || person.category);
      who.append(name, meta);
      item.append(who);
      if (row.checked_in) {
        var done = document.createElement("span");
        done.className = "done";
        done.textContent = format(config.text.checkedIn, { time: clock(row.checked_in.checked_in_at) });
        item.append(done);
      } else {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = config.text.checkIn;
        button.addEventListener("click", function () {
          send({ accreditation: person.id }).then(search);
          scanInput.focus();
        });
        item.append(button);
      }
      list.append(item);
    });
  }
  function search() {
    var q = searchInput.value.trim();
    if (q.length < 2) { $("search-results").textContent = ""; return; }
    fetch(config.searchUrl + "?q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { renderSearch(data.results); });
  }
  searchInput.addEventListener("input", function () {
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(search, 250);
  });
  $("search-form").addEventListener("submit", function (event) { event.preventDefault(); search(); });

  // --- camera: the BarcodeDetector API, or the vendored zxing-wasm polyfill ----------------
  var stream = null;
  var lastCode = "";
  var lastAt = 0;
  var cameraButton = $("camera-button");

  function loadDetector() {
    if ("BarcodeDetector" in window) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = config.polyfillUrl;
      script.onload = function () {
        // Our own copy of the .wasm, never a CDN.
        window.BarcodeDetectionAPI.prepareZXingModule({
          overrides: { locateFile: function (path, prefix) { return path.endsWith(".wasm") ? config.wasmUrl : prefix + path; } },
          fireImmediately: false
        });
        resolve();
      };
      script.onerror = reject;
      document.head.append(script);
    });
  }

  function stopCamera() {
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    $("camera").hidden = true;
    cameraButton.setAttribute("aria-pressed", "false");
  }

  function startCamera() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      showError(config.text.noCamera);
      return;
    }
    cameraButton.setAttribute("aria-pressed", "true");
    $("camera").hidden = false;
    var video = $("camera-video");
    loadDetector().then(function () {
      var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      return navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
        .then(function (media) {
          stream = media;
          video.srcObject = media;
          return video.play();
        }).then(function () {
          var loop = function () {
            if (!stream) return;
            detector.detect(video).then(function (codes) {
              var now = Date.now();
              var code = codes.length ? codes[0].rawValue : "";
              // The same badge stays in view for a while: scan it once, not every frame.
              if (code && !busy && (code !== lastCode || now - lastAt > 4000)) {
                lastCode = code;
                lastAt = now;
                send({ code: code });
              }
            }).catch(function () {}).then(function () { window.setTimeout(loop, 150); });
          };
          loop();
        });
    }).catch(function (error) {
      stopCamera();
      showError(config.text.noCamera + (error && error.name ? " (" + error.name + ")" : ""));
    });
  }

  cameraButton.addEventListener("click", function () { if (stream) stopCamera(); else startCamera(); });
  $("fullscreen-button").addEventListener("click", function () {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
  });

  showIdle();
  scanInput.focus();
})();
