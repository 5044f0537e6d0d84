// Attendance tab: poll the figures (JSON) and redraw them. No inline script (CSP): the URL,
// interval and words come from data- attributes on #attendance.
(function () {
  "use strict";
  const root = document.getElementById("attendance");
  if (!root) return;
  const url = root.dataset.url;
  const interval = Number(root.dataset.interval) || 10000;
  const staleNote = root.querySelector("[data-stale-note]");

  function drawBars() {
    const bars = root.querySelectorAll(".slot-bar");
    let max = 0;
    bars.forEach((bar) => { max = Math.max(max, Number(bar.dataset.count) || 0); });
    bars.forEach((bar) => {
      const fill = bar.querySelector(".slot-fill");
      // CSSOM, not a style attribute: allowed by the content security policy.
      fill.style.width = max ? `${(100 * Number(bar.dataset.count)) / max}%` : "0";
    });
  }

  function cell(tag, text, className) {
    const element = document.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    return element;
  }

  function emptyRow(columns) {
    const row = document.createElement("tr");
    const td = cell("td", root.dataset.empty, "muted");
    td.colSpan = columns;
    row.appendChild(td);
    return row;
  }

  function capfirst(text) {
    text = String(text);
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function drawTable(body, rows) {
    const columns = body.dataset.columns.split(" ");
    const fresh = rows.length ? rows.map((row) => {
      const tr = document.createElement("tr");
      columns.forEach((name) => {
        tr.appendChild(cell("td", name === "label" ? capfirst(row[name]) : row[name]));
      });
      return tr;
    }) : [emptyRow(columns.length)];
    body.replaceChildren(...fresh);
  }

  function drawSlots(list, slots) {
    if (!slots.length) {
      list.replaceChildren(cell("li", root.dataset.empty, "muted"));
      return;
    }
    list.replaceChildren(...slots.map((slot) => {
      const li = document.createElement("li");
      li.appendChild(cell("span", slot.label, "slot-time"));
      const bar = cell("span", "", "slot-bar");
      bar.dataset.count = slot.count;
      bar.appendChild(cell("span", "", "slot-fill"));
      li.appendChild(bar);
      li.appendChild(cell("span", slot.count, "slot-count"));
      return li;
    }));
    drawBars();
  }

  function draw(figures) {
    root.querySelectorAll("[data-figure]").forEach((element) => {
      const value = figures[element.dataset.figure];
      if (value !== undefined) element.textContent = value;
    });
    root.querySelectorAll("[data-table]").forEach((body) => {
      drawTable(body, figures[body.dataset.table] || []);
    });
    const slots = root.querySelector("[data-list='slots']");
    if (slots) drawSlots(slots, figures.slots || []);
  }

  async function refresh() {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      draw(await response.json());
      staleNote.hidden = true;
    } catch (error) {
      staleNote.textContent = root.dataset.stale;
      staleNote.hidden = false;
    }
  }

  drawBars();
  let timer = window.setInterval(refresh, interval);
  // A hidden tab does not need figures; catch up as soon as it is shown again.
  document.addEventListener("visibilitychange", () => {
    window.clearInterval(timer);
    if (!document.hidden) {
      refresh();
      timer = window.setInterval(refresh, interval);
    }
  });
}());
