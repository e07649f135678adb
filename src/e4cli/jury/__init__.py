"""The commission's documents: the evaluation grid pre-filled from the dossier (`e4 grille`)
and the fiche d'appréciation with the final mark (`e4 note`).

As for the synthesis table, each document is first built as plain data
(`grid.py`, `appraisal.py`) and renderers only lay it out. The commission's own
judgement comes from an evaluation file (`evaluation.py`); e4 adds nothing to
it but the official penalties (`final_mark.py`).
"""
