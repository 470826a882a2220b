// The end of LTI Dynamic Registration: tell the platform's page that opened ours (a window or a
// frame) that registration is done, so it closes us (Dynamic Registration 1.0 §3.7).
(function () {
  "use strict";
  var target = window.opener || window.parent;
  if (target && target !== window) {
    target.postMessage({ subject: "org.imsglobal.lti.close" }, "*");
  }
})();
