"use strict";
// A subscribe form that the server refuses (a mistyped address, too many attempts) shows
// the refusal by its fields where the reader is, with what they typed, instead of leaving
// the column for the subscribe page. Without this script the form still works: the
// subscribe page shows the same errors.
(() => {
  document.querySelectorAll("form.subscribe-form").forEach((form) => {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      let response;
      try {
        response = await fetch(form.action, { method: "POST", body: new FormData(form) });
      } catch {
        form.submit();
        return;
      }
      if (response.ok || response.redirected) {
        window.location.assign(response.url);
        return;
      }
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const refused = page.querySelector("form.subscribe-form");
      if (!refused) {
        form.submit();
        return;
      }
      const nodes = Array.from(refused.childNodes);
      form.replaceChildren(...nodes.map((node) => document.importNode(node, true)));
      const invalid = form.querySelector("[aria-invalid=true], .errorlist");
      (invalid || form).scrollIntoView({ block: "center" });
      const field = form.querySelector("[aria-invalid=true]");
      if (field) field.focus();
    });
  });
})();
