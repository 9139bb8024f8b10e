// The search of Material for MkDocs, run as it is, with two changes for a deal brief. A number in the query
// matches only that number ("20" finds "$20 million", not "2024"): it is sent as a required term, which
// Material leaves without its trailing wildcard. And every result carries the terms its page matched, so
// that following a page's own link highlights them as following one of its sections does.
"use strict";

var NUMBER = /^[$£€¥]?\d[\d.,]*%?$/;

function exactNumbers(query) {
  return query.split(/(\s+)/).map(function (part) {
    return NUMBER.test(part) ? "+" + part : part;
  }).join("");
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message && typeof message.data === "string") {
    message.data = exactNumbers(message.data);
  }
});

var post = self.postMessage.bind(self);
self.postMessage = function (message) {
  var items = message && message.data && message.data.items;
  if (Array.isArray(items)) {
    items.forEach(function (group) {
      var found = {};
      group.forEach(function (item) {
        Object.keys(item.terms || {}).forEach(function (term) {
          if (item.terms[term]) found[term] = true;
        });
      });
      group.forEach(function (item) {
        var matched = Object.keys(item.terms || {}).some(function (term) { return item.terms[term]; });
        if (!matched) item.terms = Object.assign({}, item.terms, found);
      });
    });
  }
  return post.apply(self, arguments);
};

// Material's worker stands beside this one. Under file:// the theme runs workers in an iframe, where this
// script is a <script> element and relative addresses count from the page, hence the absolute address.
var here = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href;
importScripts(new URL(new URL(here).searchParams.get("worker"), here).href);
