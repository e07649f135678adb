"""The synthesis table: a pure model built from the dossier, then one renderer per format.

`model.build_table` computes everything the table shows (sections, rows, ticks,
labels, what is missing); the renderers only lay it out.
"""
