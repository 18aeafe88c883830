from ronda.cli.app import main

main()
