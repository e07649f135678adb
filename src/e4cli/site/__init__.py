"""`e4 site`: the portfolio website, built from the dossier alone.

The dossier is loaded and checked as by `e4 check` (check/pipeline.py); from
the model come the pages (content.py: the data each template gets), the
candidate's Markdown pages are rendered (markdown.py), every link is resolved
against the dossier and rewritten to the built file, or left as text when what
it names is not published (links.py); Jinja2 templates lay the pages out
(templates.py, templates/site/); build.py writes the whole site at once, and
serve.py previews it on 127.0.0.1.
"""
