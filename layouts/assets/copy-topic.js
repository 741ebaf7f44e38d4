// Copy buttons for the chat's topics: progressive enhancement. The buttons are
// `hidden` in the HTML and shown only where the clipboard can be written.
(() => {
  if (!navigator.clipboard || !window.isSecureContext) return;
  const buttons = document.querySelectorAll("button.copy-topic[data-copy]");
  if (!buttons.length) return;
  // One polite live region tells screen-reader users that the copy worked.
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  (buttons[0].closest("section") || document.body).append(status);
  for (const button of buttons) {
    const label = button.firstChild;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const text = button.dataset.copy;
      try {
        await navigator.clipboard.writeText(text);
        label.textContent = "Copied ";
        status.textContent = `Copied: ${text}`;
      } catch {
        label.textContent = "Select and copy ";
        status.textContent = "Your browser did not allow copying; select the text instead.";
      }
      setTimeout(() => { label.textContent = "Copy "; }, 2500);
    });
  }
})();
