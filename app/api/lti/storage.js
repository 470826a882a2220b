// The login's binding kept in the LMS's storage frame when the browser will not keep our
// cookie inside the LMS's iframe (1EdTech LTI Client Side postMessages: lti.put_data and
// lti.get_data, answered by "<subject>.response" with the same message_id).
// At login ("put") it stores the binding, then goes on to the platform's auth URL; at launch
// ("get") it reads the binding back and posts the launch again with it. Framed without the
// platform's storage ("check"), it goes on only where the browser keeps our cookies.
(function () {
  "use strict";
  var root = document.getElementById("lti-storage");
  if (!root) {
    return;
  }
  var d = root.dataset;
  var key = "lti-binding-" + d.state;
  var words = new Uint32Array(4);
  window.crypto.getRandomValues(words);
  var messageId = Array.prototype.join.call(words, "-");
  var done = false;

  function failed() {
    if (done) {
      return;
    }
    done = true;
    var note = document.getElementById("lti-storage-failed");
    var link = document.getElementById("lti-new-window");
    if (link && d.newWindow) {
      link.href = d.newWindow;
    } else if (link) {
      link.parentNode.removeChild(link);
    }
    if (note) {
      note.hidden = false;
    }
    var waiting = document.getElementById("lti-storage-wait");
    if (waiting) {
      waiting.hidden = true; // no longer connecting: say only what to do
    }
  }

  function postLaunch(binding) {
    var form = document.createElement("form");
    form.method = "post";
    form.action = d.launchUrl;
    var fields = { id_token: d.idToken, state: d.state, lti_binding: binding };
    Object.keys(fields).forEach(function (name) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = fields[name];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
  }

  if (d.action === "check") {
    // No platform storage: go on only if a cookie set here is kept (the login's binding
    // cookie would be too), else offer the new window.
    var probe = "lti-cookie-check=" + messageId;
    document.cookie = probe + "; Path=/; Max-Age=60; SameSite=None; Secure";
    if (document.cookie.indexOf(probe) === -1) {
      failed();
      return;
    }
    document.cookie = "lti-cookie-check=; Path=/; Max-Age=0; SameSite=None; Secure";
    done = true;
    window.location.assign(d.next);
    return;
  }

  var frame = null;
  try {
    frame = d.target === "_parent" ? window.parent : window.parent.frames[d.target];
  } catch (e) {
    frame = null;
  }
  if (!frame || frame === window) {
    failed();
    return;
  }
  window.addEventListener("message", function (event) {
    var answer = event.data || {};
    if (done || event.origin !== d.platformOrigin || answer.message_id !== messageId) {
      return;
    }
    if (answer.error || answer.key !== key) {
      failed();
      return;
    }
    if (d.action === "put" && answer.subject === "lti.put_data.response") {
      done = true;
      window.location.assign(d.next);
    } else if (d.action === "get" && answer.subject === "lti.get_data.response") {
      done = true;
      postLaunch(String(answer.value || ""));
    }
  });
  var message = { subject: "lti." + d.action + "_data", message_id: messageId, key: key };
  if (d.action === "put") {
    message.value = d.binding;
  }
  frame.postMessage(message, d.platformOrigin);
  window.setTimeout(failed, 4000);
})();
