from e4cli.entry import main

main()
