// The platform's side of 1EdTech LTI Client Side postMessages (lti.capabilities, lti.put_data,
// lti.get_data), as the fake LMS's course page answers them for the tool it frames: the
// values kept in the LMS's own (first-party) localStorage, per tool origin, and answered to
// the frame that asked with "<subject>.response" and the same message_id.
(function () {
  "use strict";
  var toolOrigin = document.currentScript.dataset.toolOrigin;
  window.addEventListener("message", function (event) {
    var asked = event.data || {};
    if (event.origin !== toolOrigin || typeof asked.subject !== "string") {
      return; // only the tool this page launched
    }
    var answer = { subject: asked.subject + ".response", message_id: asked.message_id };
    var slot = event.origin + " " + asked.key;
    if (asked.subject === "lti.capabilities") {
      answer.supported_messages = [
        { subject: "lti.capabilities" },
        { subject: "lti.put_data" },
        { subject: "lti.get_data" },
      ];
    } else if (asked.subject === "lti.put_data") {
      window.localStorage.setItem(slot, asked.value);
      answer.key = asked.key;
      answer.value = asked.value;
    } else if (asked.subject === "lti.get_data") {
      var value = window.localStorage.getItem(slot);
      answer.key = asked.key;
      if (value === null) {
        answer.error = { code: "bad_request", message: "no value for this key" };
      } else {
        answer.value = value;
      }
    } else {
      answer.error = { code: "unsupported_subject", message: asked.subject };
    }
    event.source.postMessage(answer, event.origin);
  });
})();
