// "Copy link" for the share links: a progressive enhancement (the plain links work without it).
(() => {
  "use strict";
  const share = document.querySelector("[data-copy-url]");
  if (!share || !navigator.clipboard) return;

  const { copyLabel, copiedLabel } = share.dataset;
  // Relative in the static edition: the address of this copy, wherever it is read.
  const copyUrl = new URL(share.dataset.copyUrl, document.baseURI).href;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "share__link share__copy";
  button.textContent = copyLabel;
  const status = document.createElement("span");
  status.className = "share__status";
  status.setAttribute("role", "status");

  button.addEventListener("click", () => {
    navigator.clipboard.writeText(copyUrl).then(
      () => { status.textContent = copiedLabel; },
      () => { status.textContent = copyUrl; },
    );
  });

  const item = document.createElement("li");
  item.append(button, status);
  share.querySelector("ul").append(item);
})();
