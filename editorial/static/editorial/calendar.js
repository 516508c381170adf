// The editorial calendar: drag a scheduled post onto another day to reschedule it at the
// same time of day. It fills and sends the post's own "Move" form, so the server decides.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  let dragged = null;
  for (const entry of document.querySelectorAll(".calendar-entry[draggable=true]")) {
    entry.addEventListener("dragstart", (event) => {
      dragged = entry;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", entry.dataset.post);
    });
    entry.addEventListener("dragend", () => { dragged = null; });
  }
  for (const day of document.querySelectorAll(".calendar-day")) {
    day.addEventListener("dragover", (event) => {
      if (dragged) {
        event.preventDefault();
        day.classList.add("drop-target");
      }
    });
    day.addEventListener("dragleave", () => day.classList.remove("drop-target"));
    day.addEventListener("drop", (event) => {
      event.preventDefault();
      day.classList.remove("drop-target");
      if (!dragged) return;
      const form = dragged.querySelector("form");
      const input = form.querySelector("input[name=publish_at]");
      input.value = day.dataset.date + "T" + input.value.split("T")[1];
      form.requestSubmit();
    });
  }
});
