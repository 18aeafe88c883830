"""``ronda board``: the coordinator's week in one terminal screen, changed with a few keys.

``model`` reads the data file and makes every change with the core function the commands
use, saving each at once; ``keymap`` lists the keys; ``widgets`` and ``app`` draw it with
Textual, which only this package imports (and only when ``board`` runs).
"""
