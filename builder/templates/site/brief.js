// Runs before Material's own script: search goes through the brief's worker (search-worker.js), which wraps
// Material's. After a search result is followed, a number is highlighted only where it stands whole.
"use strict";

(function () {
  var config = document.getElementById("__config");
  if (config) {
    var data = JSON.parse(config.textContent);
    if (data.search) {
      var worker = data.search.split("/").pop();
      data.search = data.search.replace(/[^/]*$/, "dealbrief-search.js?worker=" + encodeURIComponent(worker));
      config.textContent = JSON.stringify(data);
    }
  }

  // Material marks a term wherever it occurs; a mark inside a longer number ("20" in "2024") is taken off.
  function wholeNumbers(mark) {
    var before = mark.previousSibling && mark.previousSibling.textContent || "";
    var after = mark.nextSibling && mark.nextSibling.textContent || "";
    if (/^\d/.test(mark.textContent) && (/\d[.,]?$/.test(before) || /^[.,]?\d/.test(after))) {
      mark.replaceWith(document.createTextNode(mark.textContent));
    }
  }

  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) {
        if (node.nodeName === "MARK" && node.hasAttribute("data-md-highlight")) wholeNumbers(node);
      });
    });
  }).observe(document.body, { childList: true, subtree: true });
})();
