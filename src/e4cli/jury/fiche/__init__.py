"""`e4 fiche`: the fiches descriptives of épreuve E6 (model, Markdown, html, pdf and docx)."""
