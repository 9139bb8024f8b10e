"""Read a saved web page: the text of its article and what the page states about itself."""
