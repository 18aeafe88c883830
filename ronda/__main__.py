from ronda.cli.start import main

main()
