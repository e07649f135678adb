from e4cli.cli import main

main()
