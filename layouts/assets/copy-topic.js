// Copy buttons, shown where the clipboard works; layouts/partials/topics.njk explains.
(() => {
  if (!navigator.clipboard || !window.isSecureContext) return;
  const buttons = document.querySelectorAll("button.copy-topic[data-copy]");
  if (!buttons.length) return;
  const status = document.createElement("p"), ui = buttons[0].lang;
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  if (ui) status.lang = ui;
  (buttons[0].closest("section, main") || document.body).append(status);
  let frame = 0;
  const say = (words, copied = "") => {
    status.textContent = "";
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const tail = document.createElement("span");
      tail.textContent = copied;
      if (ui) tail.lang = document.documentElement.lang;
      status.replaceChildren(words, copied && ui ? tail : copied);
    });
  };
  for (const button of buttons) {
    const label = button.firstChild;
    let timer = 0;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.copy);
        label.textContent = "Copied ";
        say("Copied: ", button.dataset.copy);
      } catch {
        label.textContent = "Select and copy ";
        say("Your browser did not allow copying; select the text instead.");
      }
      clearTimeout(timer); // 2.5 s after the last click
      timer = setTimeout(() => { label.textContent = "Copy "; }, 2500);
    });
  }
})();
