"""Each table of the data file, one module a table: how its records map to ronda's types,
how the open file reads and changes them (a mixin of ``ronda.store.datafile.DataFile``), and
the check each record must pass when the file is read. Only the engine (``datafile``) opens
the file; these modules see its records."""
