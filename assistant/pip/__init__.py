"""The draft PIP document: `build.build_document` makes a `model.PipDocument`;
`markdown.render_markdown`, `html.render_html` and `pdf.render_pdf` (WeasyPrint,
imported only when a PDF is made) write it.
"""
