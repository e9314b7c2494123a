// Runs first: collects every error of the page (script errors, console.error, resources that failed or were
// blocked) so that report.js can publish them, with whether each chart drew, in #report-status. Tests read it.
(function () {
  'use strict';
  var errors = [];
  window.__reportErrors = errors;
  window.addEventListener('error', function (e) {
    var target = e.target;
    if (target && target !== window && (target.src || target.href)) {
      errors.push('failed to load ' + (target.src || target.href));
    } else {
      errors.push('error: ' + (e.message || String(e.error)));
    }
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    errors.push('unhandled rejection: ' + String(e.reason));
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    errors.push('blocked by the page\'s content security policy: ' + e.blockedURI + ' (' + e.violatedDirective + ')');
  });
  var consoleError = console.error;
  console.error = function () {
    errors.push('console.error: ' + Array.prototype.slice.call(arguments).join(' '));
    return consoleError.apply(console, arguments);
  };
})();
