/* Organizer console: warn about a room conflict as soon as a room and times are chosen.
 *
 * A form opts in with data-availability-url (the endpoint), data-availability-output (id of
 * the message element), and optionally data-exclude (the event being edited) or
 * data-duration-minutes (the duplicate form has no end field: the end is start + duration).
 * The server refuses a conflicting booking on save whatever this script says.
 */
(function () {
  "use strict";

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // "2026-03-02T09:00" + minutes, as wall-clock arithmetic (ICT has no daylight saving).
  function addMinutes(local, minutes) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
    if (!m) return "";
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5] + minutes));
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()) +
      "T" + pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes());
  }

  function setup(form) {
    var output = document.getElementById(form.dataset.availabilityOutput);
    var room = form.elements.namedItem("room");
    var start = form.elements.namedItem("starts_at");
    var end = form.elements.namedItem("ends_at");
    var duration = parseInt(form.dataset.durationMinutes || "", 10);
    if (!output || !room || !start) return;
    var latest = 0;

    function show(text, state, link) {
      output.textContent = text;
      output.className = "availability" + (state ? " is-" + state : "");
      if (link) {
        output.appendChild(document.createTextNode(" "));
        var a = document.createElement("a");
        a.href = link;
        a.textContent = output.dataset.weekLabel || "→";
        output.appendChild(a);
      }
    }

    function check() {
      var ends = end ? end.value : (isNaN(duration) ? "" : addMinutes(start.value, duration));
      if (!room.value || !start.value || !ends) {
        show("", "");
        return;
      }
      var params = new URLSearchParams({ room: room.value, starts_at: start.value, ends_at: ends });
      if (form.dataset.exclude) params.set("exclude", form.dataset.exclude);
      // Answer in the page's language (it may come from ?lang= rather than the cookie).
      if (document.documentElement.lang) params.set("lang", document.documentElement.lang);
      var ticket = ++latest;
      fetch(form.dataset.availabilityUrl + "?" + params.toString(), {
        credentials: "same-origin",
        headers: { Accept: "application/json" }
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (ticket !== latest) return; // an answer to an older question
          if (!data) {
            show("", "");
          } else if (data.available) {
            show(data.message, "free");
          } else {
            show(data.message, "taken", data.week_url);
          }
        })
        .catch(function () {
          if (ticket === latest) show("", "");
        });
    }

    [room, start, end].forEach(function (input) {
      if (input) input.addEventListener("change", check);
    });
    // After a refused save the server's own error already sits under the room: don't repeat it.
    var field = room.closest(".field");
    if (!(field && field.querySelector(".errorlist"))) check();
  }

  document.querySelectorAll("form[data-availability-url]").forEach(setup);
})();
