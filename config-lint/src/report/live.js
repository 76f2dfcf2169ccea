// Live preview only: asks the server for the report's version four times a second and
// reloads the page when it changed. The branches that were open stay open across the
// reload (sessionStorage, this tab only); the browser keeps the scroll position.
(function () {
  var root = document.documentElement;
  var version = root.getAttribute("data-version");
  var status = document.getElementById("live-status");
  var KEY = "config-report-open";
  function branches() { return document.querySelectorAll("li.branch > details"); }
  try {
    var saved = JSON.parse(sessionStorage.getItem(KEY) || "null");
    if (saved) {
      // this load is a refresh after a save: reopen what was open
      sessionStorage.removeItem(KEY);
      branches().forEach(function (d) { d.open = saved.indexOf(d.parentNode.getAttribute("data-path")) >= 0; });
      root.setAttribute("data-refreshed", "true");
    }
  } catch (e) {}
  function remember() {
    var open = [];
    branches().forEach(function (d) { if (d.open) open.push(d.parentNode.getAttribute("data-path")); });
    try { sessionStorage.setItem(KEY, JSON.stringify(open)); } catch (e) {}
  }
  function say(state, text) {
    root.setAttribute("data-live", state);
    if (status) status.textContent = text;
  }
  function poll() {
    fetch("/version", { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (v.trim() !== version) { remember(); location.reload(); return; }
        say("connected", "Live: refreshes when the file is saved.");
        setTimeout(poll, 250);
      })
      .catch(function () {
        say("disconnected", "Live preview stopped: this page no longer refreshes.");
        setTimeout(poll, 1000);
      });
  }
  poll();
})();
