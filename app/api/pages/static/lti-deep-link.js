// Sends the Deep Linking answer back to the LMS at once; without scripts, the page's button does.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("deep-link-return");
  if (form) form.submit();
});
