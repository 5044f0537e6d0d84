// Review page: a header checkbox that ticks or clears every row's checkbox.
document.addEventListener("change", (event) => {
  const name = event.target.dataset && event.target.dataset.selectAll;
  if (!name) return;
  for (const box of document.querySelectorAll(`input[name="${name}"]`)) {
    box.checked = event.target.checked;
  }
});
