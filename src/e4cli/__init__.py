"""e4: checks the dossier of the BTS SIO épreuve E4/E5 and renders its synthesis table."""

__version__ = "0.1.0"
