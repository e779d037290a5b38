/* Progressive enhancements only: every page works without this file. */
(function () {
  "use strict";

  // The e-mail address is written as "user#domain" so that naive harvesters miss it;
  // for people, turn it back into a working mailto link and drop the "#→@" hint.
  document.querySelectorAll(".protected-email").forEach(function (node) {
    var address = node.textContent.trim().replace("#", "@");
    if (!/^[^@\s]+@[^@\s]+$/.test(address)) {
      return;
    }
    var link = document.createElement("a");
    link.href = "mailto:" + address;
    link.textContent = address;
    node.replaceChildren(link);
    var note = node.nextElementSibling;
    if (note && note.classList.contains("protected-email__note")) {
      note.hidden = true;
    }
  });

  // An error summary takes focus so that keyboard and screen-reader users hear it first, and
  // each of its links moves the focus into the field it names (not only the scroll position).
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.hash.slice(1));
      if (!field) {
        return;
      }
      event.preventDefault();
      (field.closest("fieldset, .field") || field).scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }
})();
