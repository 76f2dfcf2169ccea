// The report's only script: "Expand all" / "Collapse all" buttons for each menu. The page
// reads the same without it: every branch is a <details> element the browser opens itself.
(function () {
  document.querySelectorAll(".tools[data-for]").forEach(function (bar) {
    var tree = document.getElementById(bar.getAttribute("data-for"));
    if (!tree) return;
    [["Expand all", true], ["Collapse all", false]].forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b[0];
      button.addEventListener("click", function () {
        tree.querySelectorAll("details").forEach(function (d) { d.open = b[1]; });
      });
      bar.appendChild(button);
    });
  });
})();
